package maze.heap.mimalloc;

import maze.layout.LayoutChooser;
import java.nio.file.Path;
import java.util.List;
import maze.core.CoreModel;
import maze.core.Module;
import maze.heap.AllocatorPlugin;
import maze.heap.BlockCursor;
import maze.heap.BlockSink;
import maze.heap.Detection;
import maze.heap.HeapContext;
import maze.heap.HeapSummary;
import maze.heap.PushWalk;
import maze.heap.Version;
import maze.heap.VersionProbe;
import maze.layout.LayoutException;

/**
 * mimalloc, found by its exports in any module and versioned from its code. Emits only blocks of
 * mimalloc's own segments: glibc's arenas in the same process belong to the glibc plugin.
 */
public final class MimallocPlugin implements AllocatorPlugin<MiVersion>, VersionProbe {
    @Override
    public String name() {
        return "mimalloc";
    }

    @Override
    public List<Detection<MiVersion>> detect(HeapContext ctx) {
        return MiDetector.detect(ctx).map(f -> List.of(detection(f.version(), f.module(), "exports mi_malloc"))).orElse(List.of());
    }

    /** A detection of mimalloc {@code v} in {@code module} (tests build one by hand too). */
    static Detection<MiVersion> detection(MiVersion v, Module module, String evidence) {
        String refusal = v.generation() >= 1 && v.generation() <= 3 ? null
                : "generations 1, 2 and 3 are walked; generation " + v.generation() + " is unknown";
        return new Detection<>("mimalloc", Version.of(v.text(), v.how()), module, evidence,
                Detection.Confidence.CERTAIN, refusal, v);
    }

    @Override
    public BlockCursor walk(HeapContext ctx, Detection<MiVersion> d) {
        return PushWalk.start(name(), sink -> walk(ctx, d, sink));
    }

    /** The walk as a push loop, for {@link PushWalk} and for tests on synthetic memory. */
    public static HeapSummary walk(HeapContext ctx, Detection<MiVersion> d, BlockSink sink) {
        MiVersion v = d.state();
        if (v.generation() == 1) {
            LayoutChooser.Chosen<MiV1Layout> c = MiLayouts.choose(ctx, d.module(), v, MiV1Layout.REQUEST, MiV1Layout::from);
            return new MiSegmentWalk(ctx, d.module(), v).run(c, (mem, l) -> MiSegmentSetup.v1(mem, l, v), sink);
        }
        if (v.generation() == 2) {
            LayoutChooser.Chosen<MiV2Layout> c = MiLayouts.choose(ctx, d.module(), v, MiV2Layout.REQUEST, MiV2Layout::from);
            int mapWords = MiSegmentSetup.mapSymbolWords(d.module());
            return new MiSegmentWalk(ctx, d.module(), v).run(c, (mem, l) -> MiSegmentSetup.v2(mem, l, v, mapWords), sink);
        }
        if (v.generation() == 3) {
            return new V3Walk(ctx, d.module(), v).run(sink);
        }
        throw new LayoutException("mimalloc " + d.version().describe() + " in " + d.module().path()
                + ": generations 1, 2 and 3 are walked; generation " + v.generation() + " is unknown");
    }

    @Override
    public String versionFunction() {
        return "mi_version";
    }

    @Override
    public List<Path> probeCandidates(CoreModel core) {
        return MiProbeCandidates.of(core);
    }

    @Override
    public Version decode(int raw) {
        MiVersion v = MiVersion.fromRaw(raw);
        return v == null ? null : Version.of(v.text(), "dlopen probe");
    }
}

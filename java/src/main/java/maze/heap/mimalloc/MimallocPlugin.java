package maze.heap.mimalloc;

import maze.heap.mimalloc.pages.PageWalk;
import maze.heap.mimalloc.pages.V3Layout;
import maze.heap.mimalloc.segments.SegmentWalk;
import maze.heap.mimalloc.segments.V1Layout;
import maze.heap.mimalloc.segments.V2Layout;
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
import maze.heap.LayoutTableRecipe;
import maze.heap.ParallelWalks;
import maze.heap.PushWalk;
import maze.heap.Version;
import maze.heap.VersionProbe;
import maze.core.ElfFile;
import maze.layout.LayoutException;
import maze.layout.LayoutRequest;

/**
 * mimalloc, found by its exports in any module and versioned from its code. Emits only blocks of
 * mimalloc's own segments: glibc's arenas in the same process belong to the glibc plugin.
 */
public final class MimallocPlugin implements AllocatorPlugin<MiVersion>, VersionProbe, LayoutTableRecipe {
    @Override
    public String name() {
        return "mimalloc";
    }

    @Override
    public List<Detection<MiVersion>> detect(HeapContext ctx) {
        return MimallocDetector.detect(ctx).map(f -> List.of(detection(f.version(), f.module(), "exports mi_malloc"))).orElse(List.of());
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

    /**
     * The walk as a push loop, for {@link PushWalk} and for tests on synthetic memory. Runs of
     * segments or pages walked at once: -Dmaze.mimalloc.walkers=N, else one per core beyond the
     * reader's ({@link ParallelWalks#walkers}).
     */
    public static HeapSummary walk(HeapContext ctx, Detection<MiVersion> d, BlockSink sink) {
        return walk(ctx, d, sink, ParallelWalks.walkers("mimalloc"));
    }

    /** The same, walking up to {@code walkers} runs of segments or pages at once. */
    public static HeapSummary walk(HeapContext ctx, Detection<MiVersion> d, BlockSink sink, int walkers) {
        MiVersion v = d.state();
        if (v.generation() == 1) {
            return SegmentWalk.v1(ctx, d.module(), v, walkers, sink);
        }
        if (v.generation() == 2) {
            int mapWords = ModuleFile.symbolWords(d.module(), "mi_segment_map");
            return SegmentWalk.v2(ctx, d.module(), v, mapWords, walkers, sink);
        }
        if (v.generation() == 3) {
            return new PageWalk(ctx, d.module(), v).run(sink, walkers);
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
        return ProbeCandidates.of(core);
    }

    @Override
    public Version decode(int raw) {
        MiVersion v = MiVersion.fromRaw(raw);
        return v == null ? null : Version.of(v.text(), "dlopen probe");
    }

    /** The version as detection reads it, and the request of that generation's walker. */
    @Override
    public Recipe tableRecipe(Path library) {
        try (ModuleFile file = new ModuleFile(ElfFile.open(library))) {
            if (file.export("mi_malloc") == null && !file.defines("mi_malloc")) {
                throw new IllegalArgumentException(library + " is not a mimalloc library (it defines no mi_malloc)");
            }
            MiVersion v = MimallocDetector.version(file);
            LayoutRequest request = switch (v.generation()) {
                case 1 -> V1Layout.REQUEST;
                case 2 -> V2Layout.REQUEST;
                case 3 -> V3Layout.REQUEST;
                default -> throw new IllegalArgumentException(library + ": mimalloc of an unknown generation ("
                        + v.describe() + ")");
            };
            return new Recipe(v.text(), request);
        }
    }
}

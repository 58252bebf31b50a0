package maze.heap.mimalloc;

import java.util.Optional;
import maze.heap.AllocatorPlugin;
import maze.heap.BlockSink;
import maze.heap.Detection;
import maze.heap.HeapContext;
import maze.heap.HeapSummary;
import maze.layout.LayoutException;

/**
 * mimalloc, found by its exports in any module and versioned from its code. Emits only blocks of
 * mimalloc's own segments: glibc's arenas in the same process belong to the glibc plugin.
 */
public final class MimallocPlugin implements AllocatorPlugin {
    @Override
    public String name() {
        return "mimalloc";
    }

    @Override
    public Optional<Detection> detect(HeapContext ctx) {
        return MiDetector.detect(ctx).map(f -> new Detection(name(), f.version().describe(), f.module()));
    }

    @Override
    public HeapSummary walk(HeapContext ctx, Detection d, BlockSink sink) {
        MiVersion v = version(d.version());
        if (v.generation() == 1) {
            MiLayouts.Chosen<MiV1Layout> c = MiLayouts.choose(ctx, d.module(), v, MiV1Layout.REQUEST, MiV1Layout::from);
            return new MiSegmentWalk(ctx, d.module(), v).run(c, (mem, l) -> MiSegmentSetup.v1(mem, l, v), sink);
        }
        if (v.generation() == 2) {
            MiLayouts.Chosen<MiV2Layout> c = MiLayouts.choose(ctx, d.module(), v, MiV2Layout.REQUEST, MiV2Layout::from);
            int mapWords = MiSegmentSetup.mapSymbolWords(d.module());
            return new MiSegmentWalk(ctx, d.module(), v).run(c, (mem, l) -> MiSegmentSetup.v2(mem, l, v, mapWords), sink);
        }
        if (v.generation() == 3) {
            return new V3Walk(ctx, d.module(), v).run(sink);
        }
        throw new LayoutException("mimalloc " + d.version() + " in " + d.module().path()
                + ": generations 1, 2 and 3 are walked; generation " + v.generation() + " is unknown");
    }

    /** Back from the detection's text ("2.0.9 (mi_version)", "2.x (markers)") to a version. */
    static MiVersion version(String described) {
        String text = described.contains(" ") ? described.substring(0, described.indexOf(' ')) : described;
        int generation = text.isEmpty() ? 0 : Character.digit(text.charAt(0), 10);
        return new MiVersion(generation, 0, text, described.contains("(")
                ? described.substring(described.indexOf('(') + 1, described.length() - 1) : "");
    }
}

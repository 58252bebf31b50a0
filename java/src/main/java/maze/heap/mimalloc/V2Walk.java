package maze.heap.mimalloc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import maze.core.Module;
import maze.heap.BlockSink;
import maze.heap.HeapContext;
import maze.heap.HeapSummary;
import maze.heap.LongArrays;

/**
 * One analysis of a mimalloc 2.x heap: choose and check the layout, find segments and heaps by
 * every root, gather delayed-free blocks, then emit live blocks in address order.
 */
final class V2Walk {
    private final HeapContext ctx;
    private final Module mod;
    private final MiVersion version;

    V2Walk(HeapContext ctx, Module mod, MiVersion version) {
        this.ctx = ctx;
        this.mod = mod;
        this.version = version;
    }

    HeapSummary run(BlockSink sink) {
        MiLayouts.Chosen<MiV2Layout> chosen = MiLayouts.choose(ctx, mod, version, MiV2Layout.REQUEST, MiV2Layout::from);
        MiV2Layout l = chosen.layout();
        MiMemory mem = new MiMemory(ctx.memory(), ctx.warnings());
        V2SegmentCheck check = new V2SegmentCheck(mem, l);
        long mainHeap = l.heapMain() == 0 ? 0 : mod.loadBias() + l.heapMain();
        String cookieFrom = mainCookie(mem, l, check, mainHeap);
        V2Heaps heaps = new V2Heaps(mem, l);
        long tpoff = MiTls.heapDefaultOffset(ctx, mod, l.heapDefaultTls());
        Set<Long> roots = heaps.roots(mainHeap, ctx.core().threads(), tpoff);
        V2SegmentFinder finder = find(mem, l, check, heaps, roots);
        Set<Long> allHeaps = withPageOwners(mem, l, heaps, roots, finder);
        LongArrays delayed = new LongArrays();
        allHeaps.forEach(h -> heaps.delayed(h, delayed));
        long[] delayedSorted = delayed.sortedDistinct();
        MiLayoutCheck verdict = new MiLayoutCheck(mem);
        V2Segments segs = new V2Segments(mem, l);
        finder.found().keySet().forEach(seg -> segs.pages(seg, p -> verdict.offer(p, delayedSorted)));
        String problem = finder.found().isEmpty() ? "no segment header with a valid cookie was found" : verdict.problem();
        MiLayouts.requireFit(ctx, mod, version, chosen, problem);
        V2Emitter out = new V2Emitter(mem, l);
        out.emit(finder.found(), delayedSorted, sink);
        return new HeapSummary(facts(chosen, cookieFrom, roots, allHeaps, delayedSorted, finder, out, verdict));
    }

    private String mainCookie(MiMemory mem, MiV2Layout l, V2SegmentCheck check, long mainHeap) {
        if (mainHeap != 0 && mem.available(mainHeap + l.heapCookie().offset(), 8)) {
            check.mainCookie(mem.field(mainHeap, l.heapCookie()));
            return "_mi_heap_main";
        }
        if (check.inferMainCookie(ctx.core().segments())) {
            ctx.warnings().add("mimalloc: no _mi_heap_main; segment cookie inferred from the headers found");
            return "inferred";
        }
        return "none";
    }

    private V2SegmentFinder find(MiMemory mem, MiV2Layout l, V2SegmentCheck check, V2Heaps heaps, Set<Long> roots) {
        V2SegmentFinder finder = new V2SegmentFinder(mem, l, check);
        roots.forEach(h -> finder.fromHeap(heaps, h));
        long bias = mod.loadBias();
        finder.fromAbandoned(l.abandoned() == 0 ? 0 : bias + l.abandoned(),
                l.abandonedVisited() == 0 ? 0 : bias + l.abandonedVisited());
        if (l.segmentMap() != 0) {
            finder.fromMap(bias + l.segmentMap());
        }
        finder.scan(ctx.core().segments());
        return finder;
    }

    /** Heaps the roots missed (a thread whose TLS was unreadable) still own pages: take them from there. */
    private static Set<Long> withPageOwners(MiMemory mem, MiV2Layout l, V2Heaps heaps, Set<Long> roots,
                                            V2SegmentFinder finder) {
        Set<Long> all = new TreeSet<>(roots);
        V2Segments segs = new V2Segments(mem, l);
        for (long seg : finder.found().keySet()) {
            segs.pages(seg, p -> {
                if (p.heap() != 0 && !all.contains(p.heap()) && heaps.plausible(p.heap())) {
                    all.add(p.heap());
                }
            });
        }
        return all;
    }

    private Map<String, Object> facts(MiLayouts.Chosen<MiV2Layout> chosen, String cookieFrom, Set<Long> roots, Set<Long> heaps,
                                      long[] delayed, V2SegmentFinder finder, V2Emitter out, MiLayoutCheck verdict) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("version", version.describe());
        f.put("library", mod.path());
        f.put("layout", chosen.origin());
        f.put("layout_checked_pages", verdict.checked());
        f.put("main_cookie", cookieFrom);
        f.put("heaps_from_roots", roots.size());
        f.put("heaps", heaps.size());
        f.put("segments", finder.found().size());
        finder.counts().forEach((k, v) -> f.put("segments_found_by_" + k, v));
        f.put("abandoned_segments", out.abandonedSegments);
        f.put("pages", out.pages.pages);
        f.put("live_blocks", out.pages.blocks);
        f.put("live_bytes", out.pages.bytes);
        f.put("huge_blocks", out.pages.hugeBlocks);
        f.put("delayed_free_blocks", delayed.length);
        f.put("pages_used_mismatch", out.pages.usedMismatches);
        f.put("pages_list_problems", out.pages.listProblems);
        return f;
    }
}

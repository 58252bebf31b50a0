package maze.heap.mimalloc.segments;

import maze.heap.FieldReader;
import maze.heap.mimalloc.HeapTls;
import maze.heap.mimalloc.Heaps;
import maze.heap.mimalloc.LayoutCheck;
import maze.heap.mimalloc.LayoutChoice;
import maze.heap.mimalloc.MiVersion;
import maze.layout.LayoutChooser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import maze.heap.OwnedMemory;
import maze.heap.mimalloc.MiOwned;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import maze.core.Module;
import maze.heap.BlockSink;
import maze.heap.HeapContext;
import maze.heap.HeapSummary;
import maze.heap.Version;
import maze.heap.LongArrays;

/**
 * One analysis of a mimalloc heap made of segments (1.x, 2.x): check the layout, find segments
 * and heaps by every root, gather delayed-free blocks, then emit live blocks in address order.
 */
public final class SegmentWalk {
    private final HeapContext ctx;
    private final Module mod;
    private final MiVersion version;
    /** Segments walked at once (PageUnits). */
    private final int walkers;

    private SegmentWalk(HeapContext ctx, Module mod, MiVersion version, int walkers) {
        this.ctx = ctx;
        this.mod = mod;
        this.version = version;
        this.walkers = walkers;
    }

    /** Walks a 1.x heap, up to {@code walkers} runs of segments at once. */
    public static HeapSummary v1(HeapContext ctx, Module mod, MiVersion v, int walkers, BlockSink sink) {
        LayoutChooser.Chosen<V1Layout> c = LayoutChoice.choose(ctx, mod, v, V1Layout.REQUEST, V1Layout::from);
        return new SegmentWalk(ctx, mod, v, walkers).run(c, (mem, l) -> SegmentSetup.v1(mem, l, v), sink);
    }

    /** Walks a 2.x heap; {@code mapWords}: the size of mi_segment_map in words by the file's symbols, 0 when unknown. */
    public static HeapSummary v2(HeapContext ctx, Module mod, MiVersion v, int mapWords, int walkers, BlockSink sink) {
        LayoutChooser.Chosen<V2Layout> c = LayoutChoice.choose(ctx, mod, v, V2Layout.REQUEST, V2Layout::from);
        return new SegmentWalk(ctx, mod, v, walkers).run(c, (mem, l) -> SegmentSetup.v2(mem, l, v, mapWords), sink);
    }

    private <T> HeapSummary run(LayoutChooser.Chosen<T> chosen, BiFunction<FieldReader, T, SegmentSetup> setupOf, BlockSink sink) {
        FieldReader mem = new FieldReader(ctx.memory(), ctx.warnings());
        SegmentSetup s = setupOf.apply(mem, chosen.layout());
        long mainHeap = s.heapMain() == 0 ? 0 : mod.loadBias() + s.heapMain();
        String cookieFrom = mainCookie(mem, s, mainHeap);
        Heaps heaps = new Heaps(mem, s.heap());
        long tpoff = HeapTls.heapDefaultOffset(ctx, mod, s.heapDefaultTls());
        Set<Long> roots = heaps.roots(mainHeap, ctx.core().threads(), tpoff);
        SegmentFinder finder = find(mem, s, heaps, roots);
        Set<Long> allHeaps = withPageOwners(s.shape(), heaps, roots, finder);
        LongArrays delayed = new LongArrays();
        allHeaps.forEach(h -> heaps.delayed(h, delayed));
        long[] delayedSorted = delayed.sortedDistinct();
        LayoutCheck verdict = new LayoutCheck(mem);
        finder.found().keySet().forEach(seg -> s.shape().pages(seg, p -> verdict.offer(p, delayedSorted)));
        LayoutChoice.requireFit(ctx, mod, version, chosen,
                finder.found().isEmpty() ? "no segment header with a valid cookie was found" : verdict.problem());
        SegmentEmitter out = new SegmentEmitter(mem, s.shape(), s.heap().padding());
        out.emit(finder.found(), delayedSorted, sink, walkers);
        Map<String, Object> f = facts(chosen.origin(), cookieFrom, roots.size(), allHeaps.size(), delayedSorted.length);
        return new HeapSummary(Version.of(version.text(), version.how()), found(f, finder, out, verdict),
                owned(out));
    }

    /** Every segment found is mimalloc's, its header and free slices too. */
    private OwnedMemory owned(SegmentEmitter out) {
        List<OwnedMemory.Range> ranges = out.pools.stream().map(p -> new OwnedMemory.Range(p.address(),
                p.address() + p.system(), "mimalloc segment")).toList();
        return MiOwned.of(ranges, out.pools, ctx.core().threads().size(), List.of());
    }

    private String mainCookie(FieldReader mem, SegmentSetup s, long mainHeap) {
        if (mainHeap != 0 && mem.available(mainHeap + s.heap().heapCookie().offset(), 8)) {
            s.shape().mainCookie(mem.field(mainHeap, s.heap().heapCookie()));
            return "_mi_heap_main";
        }
        if (s.shape().inferMainCookie(ctx.core().segments())) {
            ctx.warnings().add("mimalloc: no _mi_heap_main; segment cookie inferred from the headers found");
            return "inferred";
        }
        return "none";
    }

    private SegmentFinder find(FieldReader mem, SegmentSetup s, Heaps heaps, Set<Long> roots) {
        SegmentFinder finder = new SegmentFinder(mem, s.shape());
        roots.forEach(h -> finder.fromHeap(heaps, h));
        long bias = mod.loadBias();
        finder.fromAbandoned(s.abandoned() == 0 ? 0 : bias + s.abandoned(),
                s.abandonedVisited() == 0 ? 0 : bias + s.abandonedVisited());
        if (s.segmentMap().address() != 0) {
            finder.fromMap(s.segmentMap(), bias);
        }
        finder.scan(ctx.core().segments());
        return finder;
    }

    /** Heaps the roots missed (a thread whose TLS was unreadable) still own pages: take them from there. */
    private static Set<Long> withPageOwners(SegmentShape shape, Heaps heaps, Set<Long> roots,
                                            SegmentFinder finder) {
        Set<Long> all = new TreeSet<>(roots);
        for (long seg : finder.found().keySet()) {
            shape.pages(seg, p -> {
                if (p.heap() != 0 && !all.contains(p.heap()) && heaps.plausible(p.heap())) {
                    all.add(p.heap());
                }
            });
        }
        return all;
    }

    private Map<String, Object> facts(String layout, String cookieFrom, int roots, int heaps, int delayed) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("library", mod.path());
        f.put("layout", layout);
        f.put("main_cookie", cookieFrom);
        f.put("heaps_from_roots", roots);
        f.put("heaps", heaps);
        f.put("delayed_free_blocks", delayed);
        return f;
    }

    private static Map<String, Object> found(Map<String, Object> f, SegmentFinder finder, SegmentEmitter out,
                                             LayoutCheck verdict) {
        f.put("layout_checked_pages", verdict.checked());
        f.put("segments", finder.found().size());
        finder.counts().forEach((k, v) -> f.put("segments_found_by_" + k, v));
        f.put("abandoned_segments", out.abandonedSegments);
        f.put("pages", out.pages.pages());
        f.put("live_blocks", out.pages.blocks());
        f.put("live_bytes", out.pages.bytes());
        f.put("huge_blocks", out.pages.hugeBlocks());
        f.put("pages_used_mismatch", out.pages.usedMismatches());
        f.put("pages_list_problems", out.pages.listProblems());
        return f;
    }
}

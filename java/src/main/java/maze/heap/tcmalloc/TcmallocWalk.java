package maze.heap.tcmalloc;

import maze.heap.FieldReader;
import java.util.LinkedHashMap;
import java.util.Map;
import maze.core.Module;
import maze.heap.BlockSink;
import maze.heap.HeapContext;
import maze.heap.HeapSummary;
import maze.heap.Version;
import maze.layout.LayoutException;

/**
 * One tcmalloc heap: layouts and statics, the size map (checked), the caches' free objects, then
 * every span of the page map in page order with its blocks. Checks that fail on a built-in
 * table's guess refuse the walk before any block is given.
 */
final class TcmallocWalk {
    private final HeapContext ctx;
    private final Module module;
    private final Version version;

    TcmallocWalk(HeapContext ctx, Module module, Version version) {
        this.ctx = ctx;
        this.module = module;
        this.version = version;
    }

    HeapSummary run(BlockSink sink) {
        FieldReader m = new FieldReader(ctx.memory(), ctx.warnings());
        TcLayouts.Chosen chosen = TcLayouts.choose(ctx, m, module, version);
        Walked w = walk(m, chosen.layout(), chosen.statics(), chosen.origin(), sink);
        return new HeapSummary(version, w.facts(), w.spans().space.owned(w.caches(), chosen.statics().pageHeap(), ctx.core().threads().size()));
    }

    /** What the walk gives: its facts, and the spans and caches it read (for the accounting). */
    record Walked(Map<String, Object> facts, SpanObjects spans, CacheFree caches) {
    }

    /** The walk once layouts and statics are known (tests give them for synthetic memory). */
    static Walked walk(FieldReader m, TcLayout l, Statics st, String origin, BlockSink sink) {
        SizeClasses classes = SizeClasses.read(m, l, st.sizeMap());
        String problem = classes.problem(l.maxClasses());
        if (problem != null) {
            throw new LayoutException("tcmalloc: " + problem + " (statics " + st.how() + ")");
        }
        PageMap map = new PageMap(m, l);
        CacheFree caches = new CacheFree(m, l, classes);
        long[] cacheFree = caches.collect(st.centralCache(), st.threadHeaps());
        SpanObjects spans = new SpanObjects(m, classes, cacheFree, map.pageShift);
        map.forEachSpan(st.pageHeap(), s -> spans.emit(s, sink));
        long heapInUse = m.word(st.pageHeap() + l.heapSystemBytes()) - m.word(st.pageHeap() + l.heapFreeBytes())
                - m.word(st.pageHeap() + l.heapUnmappedBytes());
        TcChecks.afterWalk(m.warnings(), spans, cacheFree.length, heapInUse);
        return new Walked(facts(m, l, st, origin, map, caches, spans), spans, caches);
    }

    private static Map<String, Object> facts(FieldReader m, TcLayout l, Statics st, String origin, PageMap map,
                                             CacheFree caches, SpanObjects spans) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("layout", origin);
        f.put("statics", st.how());
        f.put("page heap bytes", m.word(st.pageHeap() + l.heapSystemBytes()));
        f.put("page heap free bytes", m.word(st.pageHeap() + l.heapFreeBytes()));
        f.put("page heap unmapped bytes", m.word(st.pageHeap() + l.heapUnmappedBytes()));
        f.put("free span bytes", spans.space.normalFreeBytes);
        f.put("returned span bytes", spans.space.returnedBytes);
        f.put("spans in use", spans.spansInUse);
        f.put("span bytes in use", spans.spanBytesInUse);
        f.put("small objects", spans.smallObjects);
        f.put("large blocks", spans.largeBlocks);
        f.put("central free bytes", spans.spanFreeBytes + caches.transferBytes);
        f.put("transfer cache bytes", caches.transferBytes);
        f.put("thread caches", caches.threadCaches);
        f.put("thread cache bytes", caches.threadCacheBytes);
        f.put("stale page map entries", map.staleEntries());
        f.put("spans with refcount mismatch", spans.refcountMismatches);
        return f;
    }
}

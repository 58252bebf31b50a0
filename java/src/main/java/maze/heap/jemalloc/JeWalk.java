package maze.heap.jemalloc;

import java.util.LinkedHashMap;
import java.util.Map;
import maze.core.Module;
import maze.heap.BlockSink;
import maze.heap.HeapContext;
import maze.heap.HeapSummary;
import maze.heap.Version;
import maze.layout.LayoutException;
import maze.memory.MemoryView;

/**
 * One jemalloc 5.3 walk: layouts and globals (proven on the core), the thread caches' blocks,
 * then every active extent of the extent map in address order, each through its block finder.
 */
final class JeWalk {
    private final HeapContext ctx;
    private final Module mod;
    private final Version version;

    JeWalk(HeapContext ctx, Module mod, Version version) {
        this.ctx = ctx;
        this.mod = mod;
        this.version = version;
    }

    HeapSummary run(BlockSink sink) {
        MemoryView mem = ctx.memory();
        JeLayouts.Chosen c = JeLayouts.choose(ctx, mod, version);
        JeLayout l = c.layout();
        JeGlobals g = JeGlobals.locate(mem, mod, version, c);
        ExtentMap map = new ExtentMap(mem, ctx.warnings());
        if (!map.rootReadable(g.emap() + l.rtreeRoot(), l.rootEntries())) {
            throw new LayoutException("jemalloc in " + mod.path() + ": the extent map at 0x"
                    + Long.toHexString(g.emap()) + " is not in the core");
        }
        TcacheFree tcaches = new TcacheFree(mem, l, ctx.warnings());
        CachedBlocks cached = tcaches.collect(g.arenas(), tcacheBins(mem, l, g), g.classes());
        ArenaSpace space = new ArenaSpace();
        SlabBlocks slabs = new SlabBlocks(g.classes(), cached, tcaches.stacks(), space);
        LargeBlocks large = new LargeBlocks(g.classes(), cached, tcaches.stacks(), space);
        JeChecks checks = new JeChecks();
        Edata e = new Edata(mem, l);
        long[] extents = {0, 0};
        map.walk(g.emap() + l.rtreeRoot(), l.rootEntries(), (edata, szind, slab, state, page, lastPage) -> {
            if (!e.load(edata)) {
                checks.unreadable();
            } else if (state != 0) {
                checks.freeExtent(e, page, lastPage, state);
                if (page == e.base() && e.state() == state) {
                    space.unused(e, state);
                }
            } else if (page < e.base() || lastPage - e.base() >= e.size()) {
                checks.stray();
            } else if (page == e.base() && checks.agrees(e, szind, slab)) {
                extents[slab ? 0 : 1]++;
                space.active(e);
                if (slab) {
                    slabs.emit(e, szind, checks, sink);
                } else {
                    large.emit(e, szind, checks, sink);
                }
            }
        });
        checks.report(ctx.warnings());
        cached.report(ctx.warnings());
        tcaches.stacks().report(ctx.warnings());
        BaseBlocks base = BaseBlocks.read(mem, l, g.arenas(), ctx.warnings());
        Map<String, Object> facts = facts(c, map, extents, slabs, large, tcaches, cached);
        facts.put("base bytes (jemalloc's metadata)", base.bytes);
        facts.put("dirty extent bytes", space.dirtyBytes);
        facts.put("muzzy extent bytes", space.muzzyBytes);
        facts.put("retained extent bytes", space.retainedBytes);
        return new HeapSummary(version, facts, space.owned(ctx.core().threads().size()), base.ranges());
    }

    private static Map<String, Object> facts(JeLayouts.Chosen c, ExtentMap map, long[] extents, SlabBlocks slabs,
                                             LargeBlocks large, TcacheFree tcaches, CachedBlocks cached) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("layout", c.origin());
        facts.put("globals", c.builtin() ? "found in .bss" : "symbols");
        facts.put("arenas", tcaches.arenas);
        facts.put("extent map leaves", map.leaves());
        facts.put("slab extents", extents[0]);
        facts.put("large extents", extents[1]);
        facts.put("slab bytes", slabs.slabBytes);
        facts.put("large bytes", large.extentBytes);
        if (large.promoted > 0) {
            facts.put("profiler-sampled small blocks", large.promoted);
        }
        facts.put("tcaches", tcaches.tcaches);
        facts.put("tcache blocks", cached.size());
        facts.put("tcache bytes", tcaches.bytes);
        facts.put("tcache stack blocks (jemalloc's own)", tcaches.stacks().found());
        return facts;
    }

    /**
     * je_nhbins from the core, bounded by the tcache's bin array. Unknown (a stripped library):
     * every bin, since bins past nhbins are either disabled (empty) or never written (zero).
     */
    private int tcacheBins(MemoryView mem, JeLayout l, JeGlobals g) {
        int n = g.nhbins() == 0 ? (int) l.tcacheBins() : mem.readIntOr(g.nhbins(), -1);
        if (n < 1 || n > l.tcacheBins()) {
            ctx.warnings().add("jemalloc: the tcache bin count (nhbins) reads %d; only the %d small bins of each tcache are read",
                    n, SizeClasses.NBINS);
            return SizeClasses.NBINS;
        }
        return n;
    }
}

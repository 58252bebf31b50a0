package maze.heap.jemalloc;

import maze.core.Module;
import maze.layout.LayoutException;
import maze.memory.MemoryView;

/**
 * Where jemalloc's hidden globals are in the process: the extent map, the size tables, the arena
 * array and the tcache bin count. From DWARF they are the build's own symbols. From a built-in
 * table they are only candidates, and each is proven on the core before one block is reported:
 * the size tables agree with each other, every arena carries its own index, the extent map was
 * built on arena 0's base allocator, and its first entries decode to extents covering their pages.
 */
record JeGlobals(long emap, long binInfos, long index2size, long arenas, long nhbins, SizeClasses classes) {
    /** Extent-map entries sampled by the proof. */
    private static final int SAMPLE = 64;

    static JeGlobals locate(MemoryView mem, Module mod, JeLayouts.Chosen c) {
        JeLayout l = c.layout();
        long bias = mod.loadBias();
        JeGlobals g = new JeGlobals(bias + l.emapGlobal(), bias + l.binInfos(), bias + l.index2size(),
                bias + l.arenas(), l.nhbins() == 0 ? 0 : bias + l.nhbins(),
                SizeClasses.read(mem, l, bias + l.index2size(), bias + l.binInfos()));
        String problem = g.classes.problem();
        if (problem == null) {
            problem = g.arenasProblem(mem, l);
        }
        if (problem == null && c.builtin()) {
            problem = g.emapProblem(mem, l);
        }
        if (problem != null) {
            String why = "the " + c.origin() + " layout does not fit this core: " + problem;
            throw new LayoutException(c.builtin() ? JeLayouts.refusal(mod, JeLayouts.buildId(mod), why) : why);
        }
        return g;
    }

    private String arenasProblem(MemoryView mem, JeLayout l) {
        long a0 = mem.readLongOr(arenas, 0);
        if (a0 == 0 || mem.readIntOr(a0 + l.arenaInd().offset(), -1) != 0) {
            return "arenas[0] is not an arena with index 0";
        }
        return null;
    }

    private String emapProblem(MemoryView mem, JeLayout l) {
        long a0 = mem.readLongOr(arenas, 0);
        long base0 = mem.readLongOr(a0 + l.arenaBase().offset(), -1);
        if (base0 != mem.readLongOr(emap + l.rtreeBase().offset(), 0)) {
            return "the extent map's base allocator is not arena 0's";
        }
        ExtentMap map = new ExtentMap(mem, new maze.heap.Warnings());
        if (!map.rootReadable(emap + l.rtreeRoot(), l.rootEntries())) {
            return "the extent map's root is not in the core";
        }
        Edata e = new Edata(mem, l);
        int[] seen = {0, 0};
        try {
            map.walk(emap + l.rtreeRoot(), l.rootEntries(), (edata, szind, slab, page) -> {
                if (++seen[0] > SAMPLE) {
                    throw new SampleDone();
                }
                if (e.load(edata) && e.state() == 0 && e.szind() == szind && e.slab() == slab
                        && e.base() <= page && page < e.base() + e.size()) {
                    seen[1]++;
                }
            });
        } catch (SampleDone done) {
            seen[0] = SAMPLE;
        }
        if (seen[0] == 0 || seen[1] != seen[0]) {
            return "only " + seen[1] + " of " + seen[0] + " sampled extent-map entries decode to extents covering their pages";
        }
        return null;
    }

    /** Ends the sample early. */
    private static final class SampleDone extends RuntimeException {
        SampleDone() {
            super(null, null, false, false);
        }
    }
}

package maze.heap.jemalloc;

import maze.core.Module;
import maze.layout.LayoutException;
import maze.memory.MemoryView;

/**
 * Where jemalloc's hidden globals are in the process: the extent map, the size tables, the arena
 * array and the tcache bin count (0: unknown). From DWARF they are the build's own symbols. A
 * stripped library's are searched for in its .bss ({@link GlobalSearch}) and proven on the core
 * before one block is reported: the size tables agree with each other, every arena carries its own
 * index, the extent map was built on arena 0's base allocator and its first entries decode to
 * extents covering their pages.
 */
record JeGlobals(long emap, long binInfos, long index2size, long arenas, long nhbins, SizeClasses classes) {
    /** Extent-map entries sampled by the proof. */
    private static final int SAMPLE = 64;

    static JeGlobals locate(MemoryView mem, Module mod, maze.heap.Version version, JeLayouts.Chosen c) {
        JeLayout l = c.layout();
        String[] why = {null, null}; // what is missing; why no extent map was proven
        JeGlobals g = c.builtin() ? searched(mem, mod, l, why) : fromSymbols(mem, mod.loadBias(), l);
        String problem = why[0] != null ? why[0] : g.classes.problem();
        if (problem == null) {
            problem = g.arenasProblem(mem, l);
        }
        if (problem == null && g.emap == 0) {
            problem = why[1] != null ? why[1]
                    : "no slot of .bss holding arena 0's base allocator starts an extent map that decodes";
        }
        if (problem != null) {
            String text = "the " + c.origin() + " layout does not fit this core: " + problem;
            throw new LayoutException(c.builtin() ? JeLayouts.refusal(mod, version, text) : text);
        }
        return g;
    }

    private static JeGlobals fromSymbols(MemoryView mem, long bias, JeLayout l) {
        return new JeGlobals(bias + l.emapGlobal(), bias + l.binInfos(), bias + l.index2size(), bias + l.arenas(),
                l.nhbins() == 0 ? 0 : bias + l.nhbins(),
                SizeClasses.read(mem, l, bias + l.index2size(), bias + l.binInfos()));
    }

    /** A stripped library: every global found by its content; the extent map by the proof itself. */
    private static JeGlobals searched(MemoryView mem, Module mod, JeLayout l, String[] why) {
        GlobalSearch s = GlobalSearch.of(mem, mod, l);
        if (s == null) {
            why[0] = "the library's .bss is not in the core";
            return null;
        }
        return search(mem, l, s, why);
    }

    /** The globals {@code s} finds, proven; {@code why[0]} says what was not found. */
    static JeGlobals search(MemoryView mem, JeLayout l, GlobalSearch s, String[] why) {
        long sizes = s.index2size();
        long bins = s.binInfos();
        long arenas = s.arenas();
        why[0] = s.missing(sizes, bins, arenas);
        if (why[0] != null) {
            return null;
        }
        SizeClasses classes = SizeClasses.read(mem, l, sizes, bins);
        long base0 = mem.readLongOr(mem.readLongOr(arenas, 0) + l.arenaBase().offset(), 0);
        String last = "none holds arena 0's base allocator";
        for (long emap : base0 == 0 ? new long[0] : s.emapCandidates(base0)) {
            JeGlobals g = new JeGlobals(emap, bins, sizes, arenas, 0, classes);
            String problem = g.emapProblem(mem, l);
            if (problem == null) {
                return g;
            }
            last = String.format("the slot at 0x%x: %s", emap, problem);
        }
        if (why.length > 1) {
            why[1] = "no slot of .bss starts an extent map that decodes (" + last + ")";
        }
        return new JeGlobals(0, bins, sizes, arenas, 0, classes);
    }

    private String arenasProblem(MemoryView mem, JeLayout l) {
        long a0 = mem.readLongOr(arenas, 0);
        if (a0 == 0 || mem.readIntOr(a0 + l.arenaInd().offset(), -1) != 0) {
            return "arenas[0] is not an arena with index 0";
        }
        return null;
    }

    String emapProblem(MemoryView mem, JeLayout l) {
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
            map.walk(emap + l.rtreeRoot(), l.rootEntries(), (edata, szind, slab, state, page, lastPage) -> {
                if (state != 0 || szind == SizeClasses.NSIZES) {
                    return; // a free extent, or an active one's trailing boundary (registered without a size class)
                }
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
        // nearly all, not all: an extent changing hands as the core was taken may disagree for a
        // moment (the walk then warns about it), while a wrong slot decodes next to nothing
        if (seen[0] == 0 || seen[1] * 10L < seen[0] * 9L) {
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

package maze.heap.jemalloc;

import static maze.heap.jemalloc.JemallocFake.L;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

/** The hidden globals of a stripped jemalloc, found in a synthetic .bss by content, decoys beside them. */
class GlobalSearchTest {
    static final long BSS = 0x1000000L;
    static final int BSS_SIZE = 4 << 20;
    static final long SIZES = BSS + 0x1000;
    static final long BINS = BSS + 0x3000;
    static final long A0_STATIC = BSS + 0x8000; // jemalloc's own `a0`: a lone pointer to arena 0
    static final long ARENAS = BSS + 0x10000;
    static final long B0_STATIC = BSS + 0x18000; // base.c's `b0`: a lone pointer to the base
    static final long EMAP = BSS + 0x20000;
    static final long ARENA0 = 0x4000000L;
    static final long ARENA1 = 0x4100000L;
    static final long B0 = 0x4200000L;
    static final long LEAF = 0x5000000L;
    static final long EDATA = 0x5400000L;
    static final long SLAB = 0x7f0000000000L;

    private final FakeMemory mem = new FakeMemory().region(BSS, BSS_SIZE)
            .region(ARENA0, (int) L.arenaBase().offset() + 8).region(ARENA1, (int) L.arenaBase().offset() + 8)
            .region(LEAF, 8 << 18).region(EDATA, 256);

    GlobalSearchTest() {
        SizeClasses c = JemallocFake.classes();
        for (int i = 0; i < c.index2size().length; i++) {
            mem.putLong(SIZES + 8L * i, c.index2size()[i]);
        }
        for (int i = 0; i < SizeClasses.NBINS; i++) {
            long at = BINS + i * L.binInfoSize();
            mem.putLong(at + L.regSize().offset(), c.regSize()[i]);
            mem.putLong(at + L.slabSize().offset(), c.slabSize()[i]);
            mem.putLong(at + L.nregs().offset(), c.nregs()[i]);
        }
        mem.putLong(ARENA1 + L.arenaInd().offset(), 1);
        mem.putLong(ARENA0 + L.arenaBase().offset(), B0);
        mem.putLong(A0_STATIC, ARENA0);
        mem.putLong(ARENAS, ARENA0).putLong(ARENAS + 8, ARENA1);
        mem.putLong(B0_STATIC, B0);
        mem.putLong(EMAP + L.rtreeBase().offset(), B0);
        mem.putLong(EMAP + L.rtreeRoot() + 8 * (SLAB >>> 30), LEAF);
        mem.putLong(LEAF, JemallocFake.entry(EDATA, 2, 0, true));
        JemallocFake.edata(mem, EDATA, JemallocFake.bits(2, 0, true, 128), SLAB, 4096);
    }

    private JeGlobals search(String[] why) {
        return JeGlobals.search(mem, L, GlobalSearch.over(mem, L, BSS, BSS_SIZE), why);
    }

    @Test
    void everyGlobalIsFoundByWhatItHolds() {
        String[] why = {null};
        JeGlobals g = search(why);
        assertNull(why[0]);
        assertEquals(SIZES, g.index2size());
        assertEquals(BINS, g.binInfos());
        assertEquals(ARENAS, g.arenas());
        assertEquals(EMAP, g.emap());
        assertNull(g.classes().problem());
    }

    @Test
    void anExtentMapWhoseEntriesDoNotDecodeIsNotTaken() {
        JemallocFake.edata(mem, EDATA, JemallocFake.bits(5, 0, true, 128), SLAB, 4096); // szind differs from the map
        String[] why = {null};
        assertEquals(0, search(why).emap());
    }

    @Test
    void aMissingSizeTableIsNamed() {
        mem.putLong(SIZES + 8 * 3, 47);
        String[] why = {null};
        assertNull(search(why));
        assertEquals("no size table (8, 16, 32, 48, ...) in .bss", why[0]);
    }
}

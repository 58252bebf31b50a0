package maze.heap.jemalloc;

import static maze.heap.jemalloc.JemallocFake.L;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import maze.heap.Warnings;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

class SlabAndTcacheTest {
    static final long EDATA = 0x1000L;
    static final long SLAB = 0x100000L;
    static final long ARENAS = 0x200000L;
    static final long ARENA = 0x40000L;
    static final long DESC = 0x3000L;
    static final long BINS = 0x4000L;
    static final long STACK = 0x8000L;

    private final FakeMemory mem = new FakeMemory().region(EDATA, 256).region(ARENAS, 8 * TcacheFree.MAX_ARENAS)
            .region(ARENA, (int) L.arenaInd().offset() + 8).region(DESC, 64).region(BINS, 4096).region(STACK, 64);
    private final SizeClasses classes = JemallocFake.classes();
    private final Warnings warnings = new Warnings();

    /** A 32-byte slab (szind 2: 128 regions): regions 0 and 2 free in the bitmap, region 3 in a tcache. */
    @Test
    void slabRegionsAreTheBitmapsAllocatedOnesLessTheCachedOnes() {
        JemallocFake.edata(mem, EDATA, JemallocFake.bits(2, 0, true, 2), SLAB, 4096);
        mem.putLong(EDATA + L.eSlabData(), 0b101);
        Edata e = new Edata(mem, L);
        assertTrue(e.load(EDATA));
        List<Long> blocks = new ArrayList<>();
        JeChecks checks = new JeChecks();
        new SlabBlocks(classes, cached(2, SLAB + 3 * 32), new StackBlocks(), new ArenaSpace()).emit(e, 2, checks, (a, s, f) -> {
            assertEquals(32, s);
            blocks.add(a);
        });
        assertEquals(125, blocks.size());
        assertEquals(List.of(SLAB + 32, SLAB + 4 * 32), blocks.subList(0, 2));
        assertEquals(SLAB + 127 * 32, blocks.get(124));
        checks.report(warnings);
        assertEquals(0, warnings.count());
    }

    @Test
    void aSlabWhoseFreeCountDisagreesIsWarnedAbout() {
        JemallocFake.edata(mem, EDATA, JemallocFake.bits(2, 0, true, 5), SLAB, 4096);
        Edata e = new Edata(mem, L);
        e.load(EDATA);
        JeChecks checks = new JeChecks();
        new SlabBlocks(classes, new CachedBlocks(), new StackBlocks(), new ArenaSpace()).emit(e, 2, checks, (a, s, f) -> { });
        checks.report(warnings);
        assertTrue(warnings.all().get(0).contains("1 slabs' free counts disagree"), warnings.all().toString());
    }

    /** prof:true promotes a sampled small block to a large extent that keeps the small size class. */
    @Test
    void aProfilerSampledSmallBlockHasItsSmallUsableSize() {
        JemallocFake.edata(mem, EDATA, JemallocFake.bits(2, 0, false, 0), SLAB + 0x40, 20480);
        Edata e = new Edata(mem, L);
        e.load(EDATA);
        List<long[]> blocks = new ArrayList<>();
        JeChecks checks = new JeChecks();
        LargeBlocks large = new LargeBlocks(classes, new CachedBlocks(), new StackBlocks(), new ArenaSpace());
        large.emit(e, 2, checks, (a, s, f) -> blocks.add(new long[] {a, s}));
        assertEquals(1, blocks.size());
        assertArrayEquals(new long[] {SLAB + 0x40, 32}, blocks.get(0));
        assertEquals(1, large.promoted);
        checks.report(warnings);
        assertEquals(0, warnings.count());
    }

    /** Damage that makes a live extent look free in the map is seen in its header. */
    @Test
    void aFreeMapEntryForALiveHeaderIsWarnedAbout() {
        JemallocFake.edata(mem, EDATA, JemallocFake.bits(2, 0, true, 0), SLAB, 8192);
        Edata e = new Edata(mem, L);
        e.load(EDATA);
        JeChecks checks = new JeChecks();
        checks.freeExtent(e, SLAB + 4096, SLAB + 4096, 1); // its last page, not its first: nothing to say
        checks.report(warnings);
        assertEquals(0, warnings.count());
        checks.freeExtent(e, SLAB, SLAB, 1);
        checks.report(warnings);
        assertTrue(warnings.incomplete());
        assertTrue(warnings.all().get(0).contains("1 extent headers disagree with the extent map"), warnings.all().toString());
    }

    /** An entry redirected to a header that does not cover its page, or in a state jemalloc has not, lost its extent. */
    @Test
    void aFreeMapEntryElsewhereOrInNoStateIsStray() {
        JemallocFake.edata(mem, EDATA, JemallocFake.bits(2, 1, true, 0), SLAB, 8192);
        Edata e = new Edata(mem, L);
        e.load(EDATA);
        JeChecks checks = new JeChecks();
        checks.freeExtent(e, SLAB + 8192, SLAB + 8192, 1);
        checks.freeExtent(e, SLAB, SLAB, JeChecks.MAX_STATE + 1);
        checks.report(warnings);
        assertEquals(List.of("jemalloc: 2 extent-map entries point to extents that do not cover their page or name"
                + " no extent state; the extents they stood for may be missing"), warnings.all());
    }

    private static CachedBlocks cached(int szind, long... pointers) {
        CachedBlocks c = new CachedBlocks();
        for (long p : pointers) {
            c.add(p, szind);
        }
        return c;
    }

    /**
     * A cached pointer must be an allocated region of its bin's class: one that is none (a damaged
     * stack slot), one held twice, and one in a slab of another class each leave a block listed wrongly.
     */
    @Test
    void cachedPointersThatAreNoAllocatedBlockOfTheirClassAreWarnedAbout() {
        JemallocFake.edata(mem, EDATA, JemallocFake.bits(2, 0, true, 0), SLAB, 4096);
        Edata e = new Edata(mem, L);
        e.load(EDATA);
        CachedBlocks c = cached(2, SLAB + 3 * 32, SLAB + 3 * 32, SLAB + 5);
        c.add(SLAB + 7 * 32, 4);
        new SlabBlocks(classes, c, new StackBlocks(), new ArenaSpace()).emit(e, 2, new JeChecks(), (a, s, f) -> { });
        c.report(warnings);
        assertEquals(List.of("jemalloc: thread caches hold 1 pointers that are no allocated block, 1 held twice, 1 of"
                + " another size class (damaged caches); the blocks they stood for may be listed as live"), warnings.all());
        CachedBlocks clean = cached(2, SLAB + 3 * 32);
        new SlabBlocks(classes, clean, new StackBlocks(), new ArenaSpace()).emit(e, 2, new JeChecks(), (a, s, f) -> { });
        Warnings none = new Warnings();
        clean.report(none);
        assertEquals(0, none.count());
    }

    private void tcacheWithThreeCachedBlocks(long next) {
        mem.putLong(ARENAS, ARENA);
        mem.putLong(ARENA + L.arenaDescriptors().offset(), DESC);
        mem.putLong(DESC + L.descNext().offset(), next);
        mem.putLong(DESC + L.descBins().offset(), BINS);
        long bin = BINS + 2 * L.cacheBinSize();
        mem.putLong(bin + L.stackHead().offset(), STACK);
        mem.putLong(bin + L.lowBitsEmpty().offset() - 4, (STACK + 24) << 32); // low 16 bits of one past the last
        for (int k = 0; k < 3; k++) {
            mem.putLong(STACK + 8 * k, SLAB + 32 * (3 - k));
        }
    }

    @Test
    void blocksInATcacheStackAreCollected() {
        tcacheWithThreeCachedBlocks(DESC);
        TcacheFree t = new TcacheFree(mem, L, warnings);
        assertArrayEquals(new long[] {SLAB + 32, SLAB + 64, SLAB + 96}, t.collect(ARENAS, SizeClasses.NBINS, classes).pointers());
        assertEquals(1, t.arenas);
        assertEquals(1, t.tcaches);
        assertEquals(96, t.bytes);
        assertEquals(0, warnings.count());
    }

    /**
     * The tcache's stacks block (its one non-null stack head at STACK) is a large block of jemalloc's
     * own: flagged, while the block after it is the program's.
     */
    @Test
    void theBlockHoldingATcachesStacksIsJemallocsOwn() {
        tcacheWithThreeCachedBlocks(DESC);
        TcacheFree t = new TcacheFree(mem, L, warnings);
        t.collect(ARENAS, SizeClasses.NBINS, classes);
        StackBlocks stacks = t.stacks();
        assertEquals(0, stacks.flags(STACK - 0x7000, 0x7000), "a block below it");
        assertEquals(maze.heap.BlockSink.ALLOCATOR_METADATA, stacks.flags(STACK - 8, 0x7000));
        assertEquals(0, stacks.flags(STACK + 0x7000, 0x7000));
        stacks.report(warnings);
        assertEquals(1, stacks.found());
        assertEquals(0, warnings.count());
    }

    /** Heads spread over two blocks (a damaged bin) flag neither, and say so. */
    @Test
    void stackHeadsInNoOneBlockFlagNothingAndWarn() {
        StackBlocks stacks = new StackBlocks();
        stacks.tcache(0x10008, 0x20000);
        stacks.tcache(0x30000, 0x30100);
        assertEquals(0, stacks.flags(0x10000, 0x7000));
        assertEquals(0, stacks.flags(0x18000, 0x10000));
        stacks.report(warnings);
        assertEquals(List.of("jemalloc: 2 of 2 thread caches' pointer stacks lie in no one live block (damaged cache"
                + " bins); stale pointers in them may keep leaked blocks anchored"), warnings.all());
    }

    @Test
    void aDescriptorCycleThatMissesItsHeadEndsWithAWarning() {
        tcacheWithThreeCachedBlocks(DESC + 32);
        mem.putLong(DESC + 32 + L.descNext().offset(), DESC + 32);
        mem.putLong(DESC + 32 + L.descBins().offset(), 0);
        TcacheFree t = new TcacheFree(mem, L, warnings);
        assertEquals(3, t.collect(ARENAS, SizeClasses.NBINS, classes).size());
        assertTrue(warnings.incomplete());
        assertTrue(warnings.all().get(0).contains("tcache list is damaged"), warnings.all().toString());
    }
}

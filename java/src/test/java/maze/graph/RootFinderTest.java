package maze.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import maze.core.CoreModel;
import maze.core.Segment;
import maze.core.ThreadInfo;
import maze.heap.BlockSink;
import maze.heap.OwnedMemory;
import maze.heap.Warnings;
import org.junit.jupiter.api.Test;

/** Which memory becomes a root, on a synthetic core: stacks from the stack pointer, heap never, gaps warned. */
class RootFinderTest {
    private static final int RW = Segment.PF_R | Segment.PF_W;
    private static final long STACK = 0x7ff000000000L;
    private static final long HEAP = 0x555500000000L;
    private static final long ANON = 0x7f0000000000L;
    private static final long TLS = 0x7f1000000000L;

    private static CoreModel core(long stackHeld) {
        List<Segment> segments = List.of(
                new Segment(HEAP, 0x10000, 0x1000, 0x10000, RW),
                new Segment(ANON, 0x1000, 0x11000, 0x1000, RW),
                new Segment(TLS, 0x10000, 0x12000, 0x10000, RW),
                new Segment(STACK, 0x4000, 0x22000, stackHeld, RW));
        ThreadInfo main = new ThreadInfo(100, TLS + 0x8000, STACK + 0x3000, 0x401000);
        return new CoreModel(Path.of("core"), 0x30000, false, 100, 1, "t", "t", "t", "/t", List.of(main), segments,
                List.of(), Map.of(), List.of(), List.of());
    }

    private static BlockTable heapBlock() {
        BlockTable.Builder b = new BlockTable.Builder();
        b.block(HEAP + 0x10, 0x20, 0, 0x20);
        b.block(TLS + 0xf000, 0x20, 0, 0x20); // the main thread's TLS sits in memory that holds blocks
        return b.build();
    }

    @Test
    void stackFromItsPointerTlsAroundItAndAnonymousMemoryWithoutBlocks() {
        Warnings w = new Warnings();
        RegisterRoots regs = new RegisterRoots();
        RootRegions r = RootFinder.find(core(0x4000), heapBlock(), List.of(new long[27]), regs, w);
        assertEquals(List.of(), w.all());
        assertEquals(27, regs.count());
        assertEquals(-1, r.areaAt(HEAP + 0x100), "the heap's own memory is no root");
        assertEquals(-1, r.areaAt(STACK + 0x3000 - RootFinder.RED_ZONE - 8), "dead stack below the red zone");
        assertEquals(RootKind.STACK, kind(r, STACK + 0x3000 - RootFinder.RED_ZONE));
        assertEquals(RootKind.STACK, kind(r, STACK + 0x3ff8));
        assertEquals(RootKind.ANONYMOUS, kind(r, ANON));
        assertEquals(RootKind.TLS, kind(r, TLS + 0x8000 - RootFinder.TLS_BELOW));
        assertEquals(RootKind.TLS, kind(r, TLS + 0x8000 + RootFinder.TLS_ABOVE - 8));
        assertEquals(-1, r.areaAt(TLS + 0x8000 + RootFinder.TLS_ABOVE), "past the thread descriptor");
        assertEquals(-1, r.areaAt(TLS + 0x8000 - RootFinder.TLS_BELOW - 8), "below the static TLS");
    }

    /** With ld.so's offsets each module's block is a root named by its module, and nothing else below fs_base. */
    @Test
    void staticTlsBlocksWhereTheDynamicLinkerPutThem() {
        Warnings w = new Warnings();
        long fs = TLS + 0x8000;
        List<TlsBlocks.Block> tls = List.of(new TlsBlocks.Block("/usr/bin/app", 0x40, 0x30),
                new TlsBlocks.Block("/lib/libc.so.6", 0x100, 0x90));
        RootRegions r = RootFinder.find(core(0x4000), heapBlock(), tls, List.of(new long[27]), new RegisterRoots(), w);
        assertEquals(List.of(), w.all());
        assertEquals("thread-local storage of /usr/bin/app in thread 1 (LWP 100)", area(r, fs - 0x40));
        assertEquals("thread-local storage of /usr/bin/app in thread 1 (LWP 100)", area(r, fs - 0x18));
        assertEquals(null, area(r, fs - 0x10), "past the executable's memsz, before the thread pointer");
        assertEquals("thread-local storage of /lib/libc.so.6 in thread 1 (LWP 100)", area(r, fs - 0x100));
        assertEquals("thread-local storage of /lib/libc.so.6 in thread 1 (LWP 100)", area(r, fs - 0x78));
        assertEquals(null, area(r, fs - 0x70));
        assertEquals(null, area(r, fs - 0x108), "below the lowest block");
        assertEquals("thread-local storage of thread 1 (LWP 100)", area(r, fs + RootFinder.TLS_ABOVE - 8),
                "the thread descriptor");
    }

    /**
     * The allocator's metadata outside blocks is no root (jemalloc's base blocks), nor is a segment
     * holding only a block of its own (the tcache stacks); a range overlapping a named root leaves it be.
     */
    @Test
    void allocatorMetadataIsNoRoot() {
        Warnings w = new Warnings();
        List<OwnedMemory.Range> meta = List.of(new OwnedMemory.Range(ANON, ANON + 0x800, "base block"),
                new OwnedMemory.Range(STACK + 0x3800, STACK + 0x4000, "damaged"));
        RootRegions r = RootFinder.find(core(0x4000), heapBlock(), null, meta, List.of(new long[27]),
                new RegisterRoots(), w);
        assertEquals(List.of(), w.all());
        assertEquals(-1, r.areaAt(ANON));
        assertEquals(-1, r.areaAt(ANON + 0x7f8));
        assertEquals(RootKind.ANONYMOUS, kind(r, ANON + 0x800));
        assertEquals(RootKind.STACK, kind(r, STACK + 0x3800));
        assertEquals(0x800, r.excludedBytes());

        BlockTable.Builder b = BlockTable.Builder.settingApartMetadata();
        b.block(HEAP + 0x10, 0x20, 0, 0x20);
        b.block(ANON + 0x40, 0x20, BlockSink.ALLOCATOR_METADATA, 0x20);
        RootRegions own = RootFinder.find(core(0x4000), b.build(), null, List.of(), List.of(new long[27]),
                new RegisterRoots(), w);
        assertEquals(-1, own.areaAt(ANON), "a segment holding a block of the allocator's own is heap");
        assertEquals(0x20, own.excludedBytes());
    }

    private static String area(RootRegions r, long address) {
        int a = r.areaAt(address);
        return a < 0 ? null : r.areas().get(a).describe();
    }

    @Test
    void rootMemoryTheCoreLacksIsAWarning() {
        Warnings w = new Warnings();
        RootFinder.find(core(0x3800), heapBlock(), List.of(), new RegisterRoots(), w);
        assertTrue(w.incomplete());
        assertEquals(2, w.all().size(), w.all().toString());
        assertTrue(w.all().get(0).startsWith("the registers of 1 threads could not be read"), w.all().toString());
        assertTrue(w.all().get(1).startsWith("2048 bytes of root memory are not in the core (stack of thread 1"),
                w.all().toString());
    }

    private static RootKind kind(RootRegions r, long address) {
        int a = r.areaAt(address);
        return a < 0 ? null : r.areas().get(a).kind();
    }
}

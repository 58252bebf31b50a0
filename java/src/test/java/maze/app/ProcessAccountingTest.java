package maze.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import maze.core.CoreModel;
import maze.core.MappedFile;
import maze.core.Segment;
import maze.core.ThreadInfo;
import maze.heap.Coverage;
import maze.heap.OwnedMemory;
import maze.heap.Version;
import maze.report.MemoryAccounting;
import org.junit.jupiter.api.Test;

class ProcessAccountingTest {
    private static final int RW = Segment.PF_R | Segment.PF_W;
    private static final long MIB = 1 << 20;

    // a file's data, its .bss, an arena heap with its reservation, a stack with its guard, a program's own mapping
    private static final Segment DATA = new Segment(0x10000, 0x2000, 0, 0x2000, RW);
    private static final Segment BSS = new Segment(0x12000, 0x3000, 0, 0x3000, RW);
    private static final Segment HEAP = new Segment(0x7f0000000000L, 2 * MIB, 0, 2 * MIB, RW);
    private static final Segment RESERVED = new Segment(0x7f0000200000L, 62 * MIB, 0, 0, 0);
    private static final Segment GUARD = new Segment(0x7f1000000000L, 0x1000, 0, 0, 0);
    private static final Segment STACK = new Segment(0x7f1000001000L, 8 * MIB, 0, 8 * MIB, RW);
    private static final Segment OWN = new Segment(0x7f2000000000L, 200 * MIB, 0, 200 * MIB, RW);

    private static CoreModel core(List<Segment> segments) {
        return new CoreModel(Path.of("core"), Long.MAX_VALUE, true, 1, 0, "p", "p", "p", "/p",
                List.of(new ThreadInfo(1, 0, STACK.vaddr() + 0x100, 0)), segments,
                List.of(new MappedFile(0x10000, 0x12000, 0, "/p"), new MappedFile(0x20000, 0x30000, 0, "/lib.so")),
                Map.of(), List.of(), List.of());
    }

    private static Coverage glibc(long live) {
        return new Coverage("glibc", Version.unknown(null), "/libc.so.6", "test", true, null, 10, live);
    }

    private static MemoryAccounting account(Coverage c, OwnedMemory owned) {
        Map<Coverage, OwnedMemory> map = new LinkedHashMap<>();
        if (owned != null) {
            map.put(c, owned);
        }
        return ProcessAccounting.of(core(List.of(DATA, BSS, HEAP, RESERVED, GUARD, STACK, OWN)), List.of(c), map);
    }

    private static OwnedMemory heapOwned() {
        // the heap's first 1.5 MiB is the arena's; the rest of its RW mapping and the PROT_NONE part are reserved
        long h = HEAP.vaddr();
        return new OwnedMemory(List.of(new OwnedMemory.Range(h, h + 3 * MIB / 2, "glibc arena heap")),
                List.of(new OwnedMemory.Range(h + 3 * MIB / 2, h + 64 * MIB, "glibc heap past its size")), null);
    }

    @Test
    void everyByteInOneCategory() {
        MemoryAccounting a = account(glibc(MIB), heapOwned());
        long total = List.of(DATA, BSS, HEAP, RESERVED, GUARD, STACK, OWN).stream().mapToLong(Segment::memSize).sum();
        assertEquals(total, a.mappedBytes());
        assertEquals(total, a.categories().stream().mapToLong(MemoryAccounting.Category::bytes).sum());
        assertEquals(0x2000, a.bytes(MemoryAccounting.FILE_BACKED));
        assertEquals(8 * MIB, a.bytes(MemoryAccounting.THREAD_STACKS));
        assertEquals(MIB, a.bytes(MemoryAccounting.MALLOC_LIVE));
        assertEquals(MIB / 2, a.bytes(MemoryAccounting.MALLOC_FREE));
        assertEquals(0x3000 + MIB / 2 + 62 * MIB + 0x1000 + 200 * MIB, a.bytes(MemoryAccounting.OTHER_ANONYMOUS));
    }

    @Test
    void biggestMappingsSayWhatTheyAre() {
        List<MemoryAccounting.Mapping> big = account(glibc(MIB), heapOwned()).biggestOther();
        assertEquals(new MemoryAccounting.Mapping(OWN.vaddr(), OWN.end(), 200 * MIB,
                "anonymous, no allocator maze walked owns it (the program's or a runtime's own mmap)"), big.get(0));
        assertEquals("glibc heap past its size", big.get(1).what());
        assertEquals(MIB / 2, big.get(2).bytes(), "the heap mapping's part past the arena's size");
        assertEquals("glibc heap past its size", big.get(2).what());
        assertEquals("zero-filled data right after /p (its .bss, most likely)", big.get(3).what());
        assertEquals("guard page of a thread stack", big.get(4).what());
    }

    @Test
    void anAllocatorThatCannotSayIsNotSplit() {
        MemoryAccounting a = account(glibc(MIB), null);
        assertEquals(0, a.bytes(MemoryAccounting.MALLOC_LIVE));
        assertEquals(0, a.bytes(MemoryAccounting.MALLOC_FREE));
        assertTrue(a.notes().stream().anyMatch(n -> n.startsWith("glibc: not split")), a.notes().toString());
        assertEquals("anonymous: the program's or a runtime's own mmap, or memory of glibc (not split)",
                a.biggestOther().get(0).what(), "no claim that no allocator owns it");
        assertTrue(a.notes().stream().anyMatch(n -> n.startsWith(0x10000 + " bytes of mapped files have no segment")),
                "/lib.so has no segment: " + a.notes());
    }
}

package maze.heap.jemalloc;

import static maze.heap.jemalloc.JemallocFake.L;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import maze.heap.OwnedMemory;
import maze.heap.Warnings;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

/** jemalloc's base blocks (its metadata outside extents) from each arena's base allocator. */
class BaseBlocksTest {
    static final long ARENAS = 0x200000L;
    static final long ARENA0 = 0x40000L;
    static final long ARENA1 = 0x60000L;
    static final long BASE0 = 0x1000000L;
    static final long BASE1 = 0x3000000L;
    static final long MIB2 = 2L << 20;

    private final FakeMemory mem = new FakeMemory().region(ARENAS, 8 * TcacheFree.MAX_ARENAS)
            .region(ARENA0, (int) L.arenaBase().offset() + 8).region(ARENA1, (int) L.arenaBase().offset() + 8)
            .region(BASE0, 4096).region(BASE0 + MIB2, 4096).region(BASE1, 4096);
    private final Warnings warnings = new Warnings();

    /** Arena 0 (b0) with two chained blocks, its base_t in the first; arena 1 with its own. */
    private void twoArenas() {
        arena(0, ARENA0, BASE0 + 0x100);
        arena(1, ARENA1, BASE1 + 0x100);
        block(BASE0, MIB2, BASE0 + MIB2);
        block(BASE0 + MIB2, 2 * MIB2, 0);
        mem.putLong(BASE0 + 0x100 + L.baseBlocks().offset(), BASE0); // base_t lies in its first block
        block(BASE1, MIB2, 0);
        mem.putLong(BASE1 + 0x100 + L.baseBlocks().offset(), BASE1);
    }

    private void arena(int index, long arena, long base) {
        mem.putLong(ARENAS + 8L * index, arena);
        mem.putInt(arena + L.arenaInd().offset(), index);
        mem.putLong(arena + L.arenaBase().offset(), base);
    }

    private void block(long at, long size, long next) {
        mem.putLong(at + L.blockSize().offset(), size);
        mem.putLong(at + L.blockNext().offset(), next);
    }

    @Test
    void everyArenasBaseBlocksAreMetadata() {
        twoArenas();
        BaseBlocks b = BaseBlocks.read(mem, L, ARENAS, warnings);
        assertEquals(List.of(new OwnedMemory.Range(BASE0, BASE0 + MIB2, "jemalloc base block of arena 0"),
                new OwnedMemory.Range(BASE0 + MIB2, BASE0 + 3 * MIB2, "jemalloc base block of arena 0"),
                new OwnedMemory.Range(BASE1, BASE1 + MIB2, "jemalloc base block of arena 1")), b.ranges());
        assertEquals(4 * MIB2, b.bytes);
        assertEquals(0, warnings.count());
    }

    /** A chain looping back, or a block that is no page multiple, ends with a warning. */
    @Test
    void aDamagedChainStopsWithAWarning() {
        twoArenas();
        mem.putLong(BASE0 + MIB2 + L.blockNext().offset(), BASE0);
        mem.putLong(BASE1 + L.blockSize().offset(), MIB2 + 8);
        BaseBlocks b = BaseBlocks.read(mem, L, ARENAS, warnings);
        assertEquals(2, b.ranges().size());
        assertEquals(List.of("jemalloc: arena 0's base allocator's block chain is damaged at 0x1000000; the metadata"
                        + " further on is scanned as the program's and may keep leaked blocks anchored",
                "jemalloc: arena 1's base allocator's block chain is damaged at 0x3000000; the metadata further on"
                        + " is scanned as the program's and may keep leaked blocks anchored"), warnings.all());
    }
}

package maze.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import maze.classify.TypeKeys;
import org.junit.jupiter.api.Test;

/** BlockTable.indexOf against a search of every block, on random tables: dense, spread far apart, empty blocks. */
class BlockTableTest {
    @Test
    void indexOfFindsTheBlockHoldingEveryAddress() {
        Random rnd = new Random(3);
        for (int table = 0; table < 400; table++) {
            int n = rnd.nextInt(200);
            long[] starts = new long[n];
            long[] ends = new long[n];
            BlockTable.Builder b = new BlockTable.Builder();
            long at = 0x10000 + rnd.nextInt(1 << 20);
            for (int i = 0; i < n; i++) {
                int gap = rnd.nextInt(10);
                // mostly neighbours 16 bytes apart; now and then a far mapping, or no gap at all
                at += gap == 0 ? 0 : gap == 1 ? (1L << (20 + rnd.nextInt(26))) : 16 * rnd.nextInt(3);
                long size = rnd.nextInt(8) == 0 ? 0 : 8 * (1 + rnd.nextInt(40));
                starts[i] = at;
                ends[i] = at + size;
                b.block(at, size, 0, size);
                at += size;
            }
            BlockTable t = b.build();
            assertEquals(n, t.count());
            for (int q = 0; q < 2000; q++) {
                long address = n == 0 || rnd.nextInt(20) == 0 ? rnd.nextLong() : near(rnd, starts, ends);
                assertEquals(linear(starts, ends, address), t.indexOf(address),
                        String.format("table %d, address 0x%x", table, address));
            }
        }
    }

    /** Past several growths of the builder, with the first C++ class arriving late, every block keeps its bytes and type. */
    @Test
    void aLargeTableKeepsEveryBlock() {
        BlockTable.Builder b = new BlockTable.Builder();
        int n = 200_003;
        for (int i = 0; i < n; i++) {
            long size = 16 + i % 5 * 8;
            b.block(0x10000 + 64L * i, size, 0, i >= 150_000 && i % 3 == 0 ? TypeKeys.ofClass(i % 11) : size);
            if (i % 1000 == 999) {
                b.block(0x10000 + 64L * i + 8, 8, 0, 8); // overlaps the block before: left out
            }
        }
        BlockTable t = b.build();
        assertEquals(n, t.count());
        assertEquals(n / 1000, b.skipped());
        for (int i = 0; i < n; i++) {
            long size = 16 + i % 5 * 8;
            assertEquals(0x10000 + 64L * i, t.start(i), "block " + i);
            assertEquals(size, t.size(i), "block " + i);
            assertEquals(i >= 150_000 && i % 3 == 0 ? TypeKeys.ofClass(i % 11) : TypeKeys.ofSize(size), t.type(i), "block " + i);
            assertEquals(i, t.indexOf(0x10000 + 64L * i + size - 1), "block " + i);
        }
    }

    private static long near(Random rnd, long[] starts, long[] ends) {
        int i = rnd.nextInt(starts.length);
        return switch (rnd.nextInt(4)) {
            case 0 -> starts[i];
            case 1 -> ends[i];
            case 2 -> ends[i] - 1;
            default -> starts[i] + rnd.nextInt(600) - 300;
        };
    }

    /** The last block holding the address ([start, end), or an empty block at it). */
    private static int linear(long[] starts, long[] ends, long address) {
        for (int i = starts.length - 1; i >= 0; i--) {
            if (starts[i] <= address && (address < ends[i] || address == starts[i])) {
                return i;
            }
        }
        return -1;
    }
}

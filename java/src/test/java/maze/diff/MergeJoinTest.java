package maze.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge of a later core's stream against an earlier core's table, on hand-made blocks. */
class MergeJoinTest {
    /** Records every change as "kind address" so a test compares one list. */
    private static final class Log implements BlockChanges {
        final List<String> lines = new ArrayList<>();

        @Override
        public void survivor(long address, long size, long key) {
            lines.add("survivor " + address);
        }

        @Override
        public void added(long address, long size, long key) {
            lines.add("new " + address);
        }

        @Override
        public void gone(long address, long size, long key) {
            lines.add("gone " + address + "/" + size);
        }

        @Override
        public void reused(long address, long wasSize, long wasKey, long size, long key) {
            lines.add("reused " + address + " " + wasSize + "/" + wasKey + "->" + size + "/" + key);
        }
    }

    private static BlockTable table(long... addressSizeKey) {
        BlockTable t = new BlockTable();
        for (int i = 0; i < addressSizeKey.length; i += 3) {
            t.add(addressSizeKey[i], addressSizeKey[i + 1], addressSizeKey[i + 2]);
        }
        return t;
    }

    @Test
    void everyAddressIsToldOnceInAddressOrder() {
        Log log = new Log();
        MergeJoin join = new MergeJoin(table(0x10, 16, 16, 0x40, 32, -1, 0x80, 24, 24, 0x100, 8, 8, 0x200, 40, 40), log);
        join.block(0x08, 8, 8);      // before everything: new
        join.block(0x10, 16, 16);    // same: survivor
        join.block(0x40, 32, -2);    // other class, same size: reused
        join.block(0x80, 40, 40);    // other size: reused
        join.block(0x180, 8, 8);     // 0x100 skipped: gone, then new
        join.finish();               // 0x200 left: gone
        assertEquals(List.of("new 8", "survivor 16", "reused 64 32/-1->32/-2", "reused 128 24/24->40/40", "gone 256/8",
                "new 384", "gone 512/40"), log.lines);
    }

    @Test
    void anEmptyLaterCoreLosesEverything() {
        Log log = new Log();
        MergeJoin join = new MergeJoin(table(0x10, 16, 16, 0x20, 16, 16), log);
        join.finish();
        assertEquals(List.of("gone 16/16", "gone 32/16"), log.lines);
    }

    @Test
    void highAddressesCompareUnsigned() {
        Log log = new Log();
        MergeJoin join = new MergeJoin(table(0x10, 8, 8, 0xffff_8000_0000_0000L, 8, 8), log);
        join.block(0xffff_8000_0000_0000L, 8, 8);
        join.finish();
        assertEquals(List.of("gone 16/8", "survivor " + 0xffff_8000_0000_0000L), log.lines);
    }

    @Test
    void blocksOutOfOrderAreRefused() {
        MergeJoin join = new MergeJoin(table(), new Log());
        join.block(0x20, 8, 8);
        assertThrows(IllegalStateException.class, () -> join.block(0x10, 8, 8));
        assertThrows(IllegalStateException.class, () -> table(0x20, 8, 8, 0x20, 8, 8));
    }

    @Test
    void aTableOfManyChunksReadsBackAndMerges() {
        BlockTable t = new BlockTable();
        int n = 300_000; // several chunks, and the chunk index array grows
        for (int i = 0; i < n; i++) {
            t.add(0x1000L + 32L * i, 16 + i % 5, -1 - i % 3);
        }
        assertEquals(n, t.count());
        for (int i : new int[] {0, 65_535, 65_536, 131_072, n - 1}) {
            assertEquals(0x1000L + 32L * i, t.address(i));
            assertEquals(16 + i % 5, t.size(i));
            assertEquals(-1 - i % 3, t.key(i));
        }
        StepCounts counts = new StepCounts();
        MergeJoin join = new MergeJoin(t, counts);
        for (int i = 1; i < n; i += 2) {
            join.block(0x1000L + 32L * i, 16 + i % 5, -1 - i % 3);
        }
        join.finish();
        assertEquals(n / 2, counts.blocks(StepCounts.Kind.SURVIVORS));
        assertEquals(n / 2, counts.blocks(StepCounts.Kind.GONE));
        assertEquals(0, counts.blocks(StepCounts.Kind.NEW) + counts.blocks(StepCounts.Kind.REUSED));
    }
}

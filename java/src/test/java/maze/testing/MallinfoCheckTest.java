package maze.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MallinfoCheckTest {
    private static final long HEAP = 0x5555_0000_0000L;
    private static final long MAP = 0x7f00_0000_0000L;

    /** Two arena chunks (32 and 80 bytes) and one plain mmapped chunk of 2 pages. */
    private static BlockListing listing() {
        return BlockListing.builder().add(HEAP + 0x10, 24, "malloc(24)").add(HEAP + 0x30, 72, "malloc(72)")
                .add(MAP + 16, 8192 - 16, "malloc(8176)").build();
    }

    private static GroundTruth.Mallinfo mi(long uordblks, long hblkhd) {
        return new GroundTruth.Mallinfo(1 << 20, uordblks, 0, 0, 1, hblkhd);
    }

    @Test
    void rowsEndingOnAPageAreMmapped() {
        assertTrue(MallinfoCheck.mmapped(MAP + 16, 8192 - 16));
        assertFalse(MallinfoCheck.mmapped(HEAP + 0x10, 24));
        assertFalse(MallinfoCheck.mmapped(HEAP + 0xff0, 0x1008), "an arena chunk's usable end is 8 past");
    }

    @Test
    void agreeingTotalsPass() {
        assertEquals(List.of(), MallinfoCheck.check(mi(112, 8192), listing(), 1, 1));
        assertEquals(List.of(), MallinfoCheck.check(mi(112 + 7 * 32, 8192), listing(), 1, 1), "tcache");
    }

    @Test
    void listingMoreThanInUseFails() {
        assertEquals(1, MallinfoCheck.check(mi(100, 8192), listing(), 1, 1).size());
        assertEquals(1, MallinfoCheck.check(mi(112 + 10_000_000, 8192), listing(), 1, 1).size());
    }

    @Test
    void mmappedBytesMustMatchUnlessAligned() {
        assertEquals(1, MallinfoCheck.check(mi(112, 12288), listing(), 1, 1).size());
        BlockListing aligned = BlockListing.builder().add(MAP + 0x10000, 0x10000, "malloc(65536)").build();
        assertEquals(List.of(), MallinfoCheck.check(mi(0, 0x10000 + 16 + 0xfff0), aligned, 1, 0));
    }
}

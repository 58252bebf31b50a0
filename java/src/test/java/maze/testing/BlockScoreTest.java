package maze.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import maze.testing.GroundTruth.Kind;
import org.junit.jupiter.api.Test;

class BlockScoreTest {
    private static final long BASE = 0x5555_0000_1000L;

    /** Live: 16-byte malloc at BASE, an A at BASE+0x20, a new[] at BASE+0x48 (cookie at +0x40). */
    private static GroundTruth.Builder truth() {
        return GroundTruth.builder("synthetic")
                .add(BASE, BASE, 16, Kind.MALLOC, "", false, true)
                .add(BASE + 0x20, BASE + 0x20, 16, Kind.NEW, "A", true, true)
                .add(BASE + 0x48, BASE + 0x40, 32, Kind.NEW_ARRAY, "Elem", false, true)
                .add(BASE + 0x100, BASE + 0x100, 64, Kind.MALLOC, "", false, false);
    }

    private static BlockListing.Builder listing() {
        return BlockListing.builder()
                .add(BASE, 24, "malloc(24)")
                .add(BASE + 0x20, 24, "C++ A")
                .add(BASE + 0x40, 40, "malloc(40)");
    }

    /** The listing with its first row's size and its third row's address changed. */
    private static BlockListing rows(long firstSize, long third) {
        return BlockListing.builder().add(BASE, firstSize, "malloc").add(BASE + 0x20, 24, "C++ A")
                .add(third, 40, "malloc(40)").build();
    }

    @Test
    void perfectListingPasses() {
        BlockScore s = BlockScore.score(truth().build(), listing().build());
        assertEquals(3, s.live());
        assertEquals(3, s.found());
        assertEquals(1.0, s.recall());
        assertEquals(0, s.falseLive());
        assertEquals(1, s.freed());
        assertTrue(s.failures(0.0001).isEmpty(), s.failures(0.0001).toString());
        s.assertPasses(0.0001);
    }

    @Test
    void missedBlockFailsAndNamesIt() {
        BlockListing l = BlockListing.builder().add(BASE, 24, "malloc(24)").add(BASE + 0x20, 24, "C++ A").build();
        BlockScore s = BlockScore.score(truth().build(), l);
        assertEquals(2, s.found());
        AssertionError e = assertThrows(AssertionError.class, () -> s.assertPasses(0.0001));
        assertTrue(e.getMessage().contains("missed (first 1):"), e.getMessage());
        assertTrue(e.getMessage().contains(String.format("0x%x (allocation at 0x%x) new[](32) Elem", BASE + 0x48,
                BASE + 0x40)), e.getMessage());
        assertTrue(e.getMessage().contains("new[] (16,32]: 0/1 found"), e.getMessage());
    }

    @Test
    void freedBlockListedLiveFails() {
        BlockScore s = BlockScore.score(truth().build(), listing().add(BASE + 0x100, 72, "malloc(72)").build());
        assertEquals(1, s.falseLive());
        assertEquals(1.0, s.falseLiveRate());
        AssertionError e = assertThrows(AssertionError.class, () -> s.assertPasses(0.0001));
        assertTrue(e.getMessage().contains(String.format("false-live (first 1):\n  0x%x malloc(64)", BASE + 0x100)),
                e.getMessage());
    }

    @Test
    void pointerInsideButNotAtTheStartFails() {
        // the walker merged the A into the block before it
        BlockListing l = BlockListing.builder().add(BASE, 56, "malloc(56)").add(BASE + 0x40, 40, "malloc(40)").build();
        BlockScore s = BlockScore.score(truth().build(), l);
        assertEquals(1, s.misplaced());
        assertEquals(2, s.found());
        AssertionError e = assertThrows(AssertionError.class, () -> s.assertPasses(0.0001));
        assertTrue(e.getMessage().contains(String.format("lies in listed block 0x%x (56 bytes)", BASE)), e.getMessage());
        assertTrue(e.getMessage().contains("C++ A: 1 live objects in the truth, 0 listed"), e.getMessage());
    }

    @Test
    void blockTooSmallForTheRequestIsNotFound() {
        BlockScore s = BlockScore.score(truth().build(), rows(8, BASE + 0x40));
        assertEquals(2, s.found());
        assertEquals(1, s.misplaced());
    }

    @Test
    void newArrayListedAtTheProgramsPointerIsNotFound() {
        // a listing that reports the pointer after the cookie has the block start wrong
        BlockScore s = BlockScore.score(truth().build(), rows(24, BASE + 0x48));
        assertEquals(2, s.found());
        assertEquals(0, s.misplaced());
        assertEquals(1, s.failures(0.0001).size());
    }

    @Test
    void falseLiveToleranceIsARate() {
        GroundTruth.Builder t = GroundTruth.builder("rate");
        BlockListing.Builder l = BlockListing.builder();
        for (int i = 0; i < 20_000; i++) {
            t.add(BASE + 32L * i, BASE + 32L * i, 16, Kind.MALLOC, "", false, false);
        }
        l.add(BASE, 24, "malloc(24)");
        BlockScore one = BlockScore.score(t.build(), l.build());
        assertTrue(one.failures(0.0001).isEmpty(), "1 in 20,000 is 0.005%");
        l.add(BASE + 32, 24, "malloc(24)").add(BASE + 64, 24, "malloc(24)");
        assertEquals(1, BlockScore.score(t.build(), l.build()).failures(0.0001).size(), "3 in 20,000 is 0.015%");
    }

    @Test
    void typeCountsCountOnlyObjectsStartingWithTheirVtable() {
        GroundTruth t = truth().add(BASE + 0x200, BASE + 0x1f8, 40, Kind.NEW_ARRAY, "Node", false, true).build();
        BlockListing l = listing().add(BASE + 0x1f8, 40, "malloc(40)").add(BASE + 0x300, 24, "C++ Other").build();
        BlockScore s = BlockScore.score(t, l);
        assertEquals(1, s.typeCounts().size());
        assertEquals(1, s.typeCounts().get("A")[1]);
        s.assertPasses(0);
    }

    @Test
    void sizeBucketsArePowersOfTwo() {
        assertEquals(0, BlockScore.bucket(1));
        assertEquals(4, BlockScore.bucket(16));
        assertEquals(5, BlockScore.bucket(17));
        assertEquals("(16,32]", BlockScore.bucketLabel(5));
        assertEquals(22, BlockScore.bucket(3L << 20));
    }
}

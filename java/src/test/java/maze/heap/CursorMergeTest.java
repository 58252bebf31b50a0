package maze.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import maze.layout.LayoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Push walks behind cursors, merged in address order in memory; failures and early stops. */
class CursorMergeTest {

    /** A walk giving {@code count} blocks at {@code first}, {@code first + step}, ... */
    private static BlockCursor walk(String name, long first, long step, int count) {
        return PushWalk.start(name, sink -> {
            for (int i = 0; i < count; i++) {
                sink.block(first + i * step, 16, i % 2);
            }
            return new HeapSummary(Version.of(name, null), Map.of("blocks", count));
        });
    }

    @Test
    void interleavedWalksMergeInAddressOrderAcrossManyBatches() {
        BlockCursor a = walk("a", 0x1000, 32, 100_000);
        BlockCursor b = walk("b", 0x1010, 32, 50_000);
        long[] prev = {-1};
        int[] n = {0};
        CursorMerge.merge(List.of(a, b), (address, size, flags) -> {
            assertTrue(address > prev[0], "out of order at " + n[0]);
            prev[0] = address;
            n[0]++;
        }, (i, e) -> {
            throw e;
        });
        assertEquals(150_000, n[0]);
        assertEquals(100_000, a.summary().facts().get("blocks"));
        assertEquals("b", b.summary().version().text());
    }

    @Test
    void batchesFilledAgainAfterReadingNeverChangeWhatTheReaderSees() {
        int count = PushWalk.BATCH * 40 + 7;
        BlockCursor c = PushWalk.start("recycled", sink -> {
            for (int i = 0; i < count; i++) {
                sink.block(0x1000 + 16L * i, i, i % 3);
            }
            return new HeapSummary(Version.of("recycled", null), Map.of());
        });
        for (int i = 0; i < count; i++) {
            assertTrue(c.next(), "ended after " + i);
            if (i % PushWalk.BATCH == 0) {
                Thread.onSpinWait(); // the walk runs ahead and refills whatever was handed back
            }
            assertEquals(0x1000 + 16L * i, c.address(), "address of block " + i);
            assertEquals(i, c.size(), "size of block " + i);
            assertEquals(i % 3, c.flags(), "flags of block " + i);
        }
        assertTrue(!c.next());
    }

    @Test
    void aFailingWalkLeavesTheMergeAndTheOthersGoOn() {
        BlockCursor good = walk("good", 0x1000, 16, 10);
        BlockCursor bad = PushWalk.start("bad", sink -> {
            sink.block(0x800, 8, 0);
            throw new LayoutException("no layout for bad");
        });
        List<Long> seen = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        CursorMerge.merge(List.of(good, bad), (address, size, flags) -> seen.add(address), (i, e) -> {
            assertEquals(1, i);
            failure[0] = e;
        });
        assertEquals(11, seen.size());
        assertEquals(0x800L, seen.get(0));
        assertTrue(failure[0] instanceof LayoutException, String.valueOf(failure[0]));
    }

    @Test
    void anErrorOfTheWalkReachesTheReader() {
        StackOverflowError boom = new StackOverflowError("deep");
        BlockCursor c = PushWalk.start("err", sink -> {
            throw boom;
        });
        assertSame(boom, assertThrows(StackOverflowError.class, c::next));
    }

    @Test
    @Timeout(10)
    void closingEarlyStopsAWalkThatWouldNeverEnd() throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<Thread> walker = new java.util.concurrent.atomic.AtomicReference<>();
        BlockCursor c = PushWalk.start("endless", sink -> {
            walker.set(Thread.currentThread());
            for (long a = 0; ; a += 16) {
                sink.block(a, 16, 0);
            }
        });
        assertTrue(c.next());
        c.close();
        walker.get().join(5000);
        assertTrue(!walker.get().isAlive(), "the walk thread still runs after close");
    }
}

package maze.heap.tcmalloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import maze.heap.MallocSpace;
import maze.heap.OwnedMemory;
import org.junit.jupiter.api.Test;

/** tcmalloc's owned memory and free space on the synthetic heap of {@link TcFakeHeap}. */
class SpanSpaceTest {
    private static final long PAGE = 8192;

    @Test
    void spansAreOwnedOnceAndTheirFreeBytesSplitByWhereTheyAre() {
        OwnedMemory o = new TcFakeHeap().walk().owned();
        // small span, large span (2 pages), free span: contiguous, one range
        assertEquals(List.of(new OwnedMemory.Range(TcFakeHeap.HEAP, TcFakeHeap.HEAP + 4 * PAGE, "tcmalloc span")), o.owned());
        assertEquals(List.of(), o.reserved());
        MallocSpace.Pool heap = o.space().pools().get(0);
        assertEquals(4 * PAGE, heap.systemBytes());
        assertEquals(PAGE, heap.top(), "the free span");
        // 16-byte objects: 2 on the span's list, 1 in the thread cache, 4 in the transfer slot
        assertArrayEquals(new long[] {7 * 16, 0, 0, 0, 0}, heap.binnedByBand());
        assertEquals(16, heap.tcache());
        assertEquals(4 * 16, heap.fastbins());
        assertEquals(PAGE + 7 * 16, heap.free());
    }

    @Test
    void aSpanReturnedToTheOsIsReservedNotOwned() {
        TcFakeHeap h = new TcFakeHeap();
        h.span(TcFakeHeap.FREE, TcFakeHeap.FIRST_PAGE + 3, 1, 0, SpanSpace.ON_RETURNED_FREELIST, 0, 0);
        OwnedMemory o = h.walk().owned();
        assertEquals(List.of(new OwnedMemory.Range(TcFakeHeap.HEAP, TcFakeHeap.HEAP + 3 * PAGE, "tcmalloc span")), o.owned());
        assertEquals(1, o.reserved().size());
        assertEquals(TcFakeHeap.HEAP + 3 * PAGE, o.reserved().get(0).start());
        assertEquals(3 * PAGE, o.space().pools().get(0).systemBytes());
        assertEquals(0, o.space().pools().get(0).top());
    }
}

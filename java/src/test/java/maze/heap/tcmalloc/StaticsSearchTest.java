package maze.heap.tcmalloc;

import maze.heap.FieldReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import maze.layout.LayoutException;
import org.junit.jupiter.api.Test;

/** The hidden statics found in synthetic module data, and refused when the checks do not single them out. */
class StaticsSearchTest {
    private static Statics search(TcFakeHeap h) {
        return new StaticsSearch(new FieldReader(h.mem, h.warnings), TcFakeHeap.L, null)
                .find(h.data(), TcFakeHeap.THREAD_HEAPS);
    }

    @Test
    void findsEachStaticWhereItIs() {
        Statics s = search(new TcFakeHeap());
        assertEquals(TcFakeHeap.PAGE_HEAP, s.pageHeap());
        assertEquals(TcFakeHeap.SIZE_MAP, s.sizeMap());
        assertEquals(TcFakeHeap.CENTRAL, s.centralCache());
        assertEquals(TcFakeHeap.THREAD_HEAPS, s.threadHeaps());
        assertTrue(s.how().contains("page map names all 1 sampled spans"), s.how());
    }

    @Test
    void spanNotMappedBackRefuses() {
        TcFakeHeap h = new TcFakeHeap();
        h.mem.putLong(TcFakeHeap.SMALL + TcFakeHeap.L.spanRefcount().offset(), 2L << 16); // now class 2 on list 1
        LayoutException e = assertThrows(LayoutException.class, () -> search(h));
        assertTrue(e.getMessage().contains("no place in its data passes the checks for pageheap_"), e.getMessage());
    }

    @Test
    void noSpanOnAnyCentralListRefuses() {
        TcFakeHeap h = new TcFakeHeap();
        long sentinel = TcFakeHeap.CENTRAL + TcFakeHeap.L.centralStride() + TcFakeHeap.L.centralNonempty();
        h.mem.putLong(sentinel + TcFakeHeap.L.spanNext().offset(), sentinel);
        LayoutException e = assertThrows(LayoutException.class, () -> search(h));
        assertTrue(e.getMessage().contains("no span is on any central free list"), e.getMessage());
    }

    @Test
    void centralListWithAnotherClassNumberRefuses() {
        TcFakeHeap h = new TcFakeHeap();
        h.mem.putLong(TcFakeHeap.CENTRAL + 2 * TcFakeHeap.L.centralStride() + TcFakeHeap.L.centralSizeClass(), 7);
        LayoutException e = assertThrows(LayoutException.class, () -> search(h));
        assertTrue(e.getMessage().contains("central_cache_"), e.getMessage());
    }
}

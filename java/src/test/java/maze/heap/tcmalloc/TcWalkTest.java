package maze.heap.tcmalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import maze.layout.LayoutException;
import org.junit.jupiter.api.Test;

/** The walk over a synthetic heap: exact blocks when sound, warnings (never exceptions) when damaged. */
class TcWalkTest {
    private static final Set<Integer> FREE = Set.of(0, 1, 5, 10, 11, 12, 13);

    @Test
    void soundHeapGivesEveryLiveObjectAndTheLargeBlockInOrder() {
        TcFakeHeap h = new TcFakeHeap();
        TcFakeHeap.Result r = h.walk();
        assertEquals(List.of(), h.warnings.all());
        assertEquals(TcFakeHeap.OBJECTS - FREE.size() + 1, r.blocks().size());
        int b = 0;
        for (int i = 0; i < TcFakeHeap.OBJECTS; i++) {
            if (!FREE.contains(i)) {
                assertEquals(TcFakeHeap.obj(i), r.blocks().get(b)[0]);
                assertEquals(16, r.blocks().get(b++)[1]);
            }
        }
        assertEquals(TcFakeHeap.HEAP + 8192, r.blocks().get(b)[0]);
        assertEquals(2 * 8192, r.blocks().get(b)[1]);
        assertEquals(1L, r.facts().get("stale page map entries"));
        assertEquals(0L, r.facts().get("spans with refcount mismatch"));
        assertEquals(16L * 4, r.facts().get("transfer cache bytes"));
        assertEquals(16L, r.facts().get("thread cache bytes"));
        assertEquals(16L * 2 + 16L * 4, r.facts().get("central free bytes"), "span list and transfer slot");
    }

    @Test
    void spanFreeListLoopIsCutAndWarned() {
        TcFakeHeap h = new TcFakeHeap();
        h.mem.putLong(TcFakeHeap.obj(1), TcFakeHeap.obj(0));
        TcFakeHeap.Result r = h.walk();
        assertTrue(h.warnings.all().stream().anyMatch(w -> w.contains("span free lists leave their span or loop")),
                h.warnings.all().toString());
        assertInOrder(r);
    }

    @Test
    void freeListPointerOffAnObjectBoundaryIsWarnedAndRefcountDisagrees() {
        TcFakeHeap h = new TcFakeHeap();
        h.mem.putLong(TcFakeHeap.obj(0), TcFakeHeap.obj(1) + 3);
        TcFakeHeap.Result r = h.walk();
        assertTrue(h.warnings.incomplete());
        assertTrue(h.warnings.all().stream().anyMatch(w -> w.contains("disagree with their refcount")),
                h.warnings.all().toString());
        assertEquals(TcFakeHeap.OBJECTS - FREE.size() + 2, r.blocks().size(), "object 1 is now listed live");
        assertInOrder(r);
    }

    @Test
    void threadCacheListShorterThanItsLengthIsWarned() {
        TcFakeHeap h = new TcFakeHeap();
        h.threadCacheList(1, TcFakeHeap.obj(5), 3);
        h.walk();
        assertTrue(h.warnings.all().stream().anyMatch(w -> w.contains("cache free lists end early or run long")),
                h.warnings.all().toString());
    }

    @Test
    void unknownSizeClassLeavesTheSpanOutWithAWarning() {
        TcFakeHeap h = new TcFakeHeap();
        h.span(TcFakeHeap.SMALL, TcFakeHeap.FIRST_PAGE, 1, 99, 0, 0, 0);
        TcFakeHeap.Result r = h.walk();
        assertEquals(1, r.blocks().size(), "only the large block");
        assertTrue(h.warnings.all().stream().anyMatch(w -> w.contains("size class the size map does not know")),
                h.warnings.all().toString());
        assertTrue(h.warnings.all().stream().anyMatch(w -> w.contains("lie in no span of their size")),
                h.warnings.all().toString());
    }

    @Test
    void pageMapEntryToUnreadableSpanIsSkipped() {
        TcFakeHeap h = new TcFakeHeap();
        h.mapPage(TcFakeHeap.FIRST_PAGE + 4, 0x7777000L);
        TcFakeHeap.Result r = h.walk();
        assertEquals(List.of(), h.warnings.all());
        assertEquals(1L, r.facts().get("stale page map entries"));
    }

    @Test
    void spanWhoseFirstPageIsDamagedIsFoundFromItsLastWithAWarning() {
        TcFakeHeap h = new TcFakeHeap();
        h.mapPage(TcFakeHeap.FIRST_PAGE + 1, TcFakeHeap.STALE);
        TcFakeHeap.Result r = h.walk();
        assertEquals(new TcFakeHeap().walk().blocks().size(), r.blocks().size());
        assertEquals(TcFakeHeap.HEAP + 8192, r.blocks().get(r.blocks().size() - 1)[0]);
        assertTrue(h.warnings.all().stream().anyMatch(w -> w.contains("not named by their first page")),
                h.warnings.all().toString());
    }

    @Test
    void spanMissingFromThePageMapDisagreesWithThePageHeapsStats() {
        TcFakeHeap h = new TcFakeHeap();
        h.mapPage(TcFakeHeap.FIRST_PAGE, 0);
        TcFakeHeap.Result r = h.walk();
        assertEquals(1, r.blocks().size());
        assertTrue(h.warnings.all().stream().anyMatch(w -> w.contains("hold 16384 bytes, the page heap's stats count 24576")),
                h.warnings.all().toString());
    }

    @Test
    void unsoundSizeMapIsARefusal() {
        TcFakeHeap h = new TcFakeHeap();
        h.sizeClass(2, 8, 4);
        LayoutException e = assertThrows(LayoutException.class, h::walk);
        assertTrue(e.getMessage().contains("size class 2"), e.getMessage());
        assertFalse(h.warnings.incomplete());
    }

    private static void assertInOrder(TcFakeHeap.Result r) {
        for (int i = 1; i < r.blocks().size(); i++) {
            assertTrue(r.blocks().get(i)[0] >= r.blocks().get(i - 1)[0] + r.blocks().get(i - 1)[1], "block " + i);
        }
    }
}

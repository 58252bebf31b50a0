package maze.heap.mimalloc;

import maze.heap.FieldReader;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import maze.core.ThreadInfo;
import maze.heap.LongArrays;

/**
 * The heaps of a mimalloc 1.x or 2.x process: the main heap, each thread's default heap (through the TLS
 * slot) and the heaps in their tld lists; and from them, the pages in their queues and the blocks
 * of their delayed-free lists.
 */
public final class Heaps {
    /** A list longer than this is corrupt (a cycle the visited set missed cannot grow past it). */
    private static final int MAX_LIST = 1 << 24;
    private static final int MAX_HEAPS = 1 << 16;

    private final FieldReader mem;
    private final HeapLayout l;

    public Heaps(FieldReader mem, HeapLayout l) {
        this.mem = mem;
        this.l = l;
    }

    /**
     * Main heap, then thread heaps: {@code threadHeapPtrOffset} is the offset from a thread pointer
     * of the thread's {@code _mi_heap_default} (Long.MIN_VALUE when unknown).
     */
    public Set<Long> roots(long mainHeap, List<ThreadInfo> threads, long threadHeapPtrOffset) {
        Set<Long> heaps = new LinkedHashSet<>();
        addWithSiblings(mainHeap, heaps);
        if (threadHeapPtrOffset != Long.MIN_VALUE) {
            for (ThreadInfo t : threads) {
                addWithSiblings(mem.word(t.fsBase() + threadHeapPtrOffset, 0), heaps);
            }
        }
        return heaps;
    }

    /** A heap and the other heaps of its thread (tld->heaps, linked by heap->next). */
    private void addWithSiblings(long heap, Set<Long> out) {
        if (!plausible(heap)) {
            return;
        }
        out.add(heap);
        if (l.tldHeaps() == null || l.heapNext() == null) {
            return; // before 1.7 a thread has one heap that matters
        }
        long tld = mem.field(heap, l.heapTld());
        long h = mem.field(tld, l.tldHeaps());
        Set<Long> seen = new HashSet<>();
        while (plausible(h) && seen.size() < MAX_HEAPS && seen.add(h)) {
            out.add(h);
            h = mem.field(h, l.heapNext());
        }
    }

    /** A real heap has a tld; the static empty heap (what an uninitialized thread points at) has none. */
    public boolean plausible(long heap) {
        return heap != 0 && (heap & 7) == 0 && mem.available(heap, 8) && mem.field(heap, l.heapTld()) != 0;
    }

    /** Calls {@code action} with every page in the heap's queues (the full queue included). */
    public void pages(long heap, LongConsumer action) {
        for (int q = 0; q < l.heapQueues(); q++) {
            long queue = heap + l.heapPages() + q * l.queueSize();
            long page = mem.field(queue, l.queueFirst());
            Set<Long> seen = new HashSet<>();
            while (page != 0 && seen.size() < MAX_LIST && seen.add(page)) {
                action.accept(page);
                page = mem.field(page, l.pageNext());
            }
        }
    }

    /** Adds the heap's delayed-free blocks (free, but still counted in their page's used). */
    public int delayed(long heap, LongArrays out) {
        long head = mem.field(heap, l.heapDelayed());
        // encoded with the heap's keys exactly when page lists are encoded
        FreeListCodec codec = FreeListCodec.of(mem, heap, l.encoded() ? l.heapKeys() : null);
        Set<Long> seen = new HashSet<>();
        long b = head;
        while (b != 0 && seen.size() < MAX_LIST && seen.add(b)) {
            out.add(b);
            long stored = mem.word(b, Long.MIN_VALUE);
            if (stored == Long.MIN_VALUE) {
                mem.warnings().add("mimalloc heap 0x%x: delayed-free block 0x%x unreadable; list cut", heap, b);
                break;
            }
            b = codec.decode(stored);
        }
        return seen.size();
    }
}

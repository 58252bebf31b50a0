package maze.heap.mimalloc;

import maze.layout.FieldLayout;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;

/**
 * The heap fields 1.x and 2.x share (same names in both): the tld and its heap list, the page
 * queues, the delayed-free list and its keys. {@code tldHeaps} and {@code heapNext} are null
 * before 1.7 (no heap list); {@code encoded}: free lists are encoded (the page has keys).
 */
public record HeapLayout(FieldLayout heapTld, long heapPages, int heapQueues, long queueSize, FieldLayout queueFirst,
                    FieldLayout heapDelayed, FieldLayout heapCookie, FieldLayout heapKeys, FieldLayout heapNext,
                    FieldLayout tldHeaps, FieldLayout pageNext, boolean encoded, long padding) {

    public static final String HEAP = "mi_heap_t";
    public static final String QUEUE = "mi_page_queue_t";
    public static final String TLD = "mi_tld_t";
    public static final String PAGE = "mi_page_t";
    /**
     * From 1.6 on, heap.pages_free_direct has MI_SMALL_WSIZE_MAX + 1 = 129 slots plus MI_PADDING's
     * words. Before 1.6 it has a fixed 130 slots and there is no padding at all; 1.6 also renamed
     * the heap's key to keys (unconditional from then on), which tells the two apart.
     */
    private static final int DIRECT_SLOTS_WITHOUT_PADDING = 129;

    public static HeapLayout from(LayoutSource src) {
        StructLayout heap = src.struct(HEAP);
        StructLayout queue = src.struct(QUEUE);
        StructLayout tld = src.struct(TLD);
        StructLayout page = src.struct(PAGE);
        long padding = heap.has("keys") ? heap.field("pages_free_direct").size() - 8L * DIRECT_SLOTS_WITHOUT_PADDING : 0;
        return new HeapLayout(heap.field("tld"), heap.offset("pages"), (int) (heap.field("pages").size() / queue.size()),
                queue.size(), queue.field("first"), heap.field("thread_delayed_free"), heap.field("cookie"),
                heap.has("keys") ? heap.field("keys") : null, heap.has("next") ? heap.field("next") : null,
                tld.has("heaps") ? tld.field("heaps") : null, page.field("next"), page.has("keys"), padding);
    }
}

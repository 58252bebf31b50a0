package maze.heap.tcmalloc;

import java.util.List;
import maze.layout.FieldLayout;
import maze.layout.LayoutException;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;

/**
 * What the tcmalloc walker reads, by name from DWARF or a built-in table (never hard-coded):
 * Span, the page heap's two-level page map, SizeMap, the central free lists with their transfer
 * slots, and the thread caches' per-class lists.
 */
record TcLayout(
        long spanSize, FieldLayout spanStart, FieldLayout spanLength, FieldLayout spanObjects, FieldLayout spanNext,
        FieldLayout spanRefcount, FieldLayout spanSizeclass, FieldLayout spanLocation,
        long heapPagemap, long mapRoot, int rootEntries, int leafEntries,
        long heapSystemBytes, long heapFreeBytes, long heapUnmappedBytes,
        long classToSize, long objectsToMove, int maxClasses, long numClasses,
        long centralStride, long centralSizeClass, long centralNonempty, long centralSlots,
        long slotSize, long slotHead, long slotTail, long centralUsedSlots, int maxSlots,
        long cacheLists, long cacheNext, long listSize, long listHead, long listLength) {

    static final String SPAN = "tcmalloc::Span";
    static final String PAGE_HEAP = "tcmalloc::PageHeap";
    static final String PAGE_MAP = "TCMalloc_PageMap2<35>";
    static final String LEAF = "TCMalloc_PageMap2<35>::Leaf";
    static final String SIZE_MAP = "tcmalloc::SizeMap";
    static final String CENTRAL = "tcmalloc::CentralFreeList";
    static final String CENTRAL_PADDED = "tcmalloc::CentralFreeListPadded";
    static final String SLOT = "tcmalloc::CentralFreeList::TCEntry";
    static final String CACHE = "tcmalloc::ThreadCache";
    static final String FREE_LIST = "tcmalloc::ThreadCache::FreeList";

    static final String PAGEHEAP_SYM = "tcmalloc::Static::pageheap_";
    static final String SIZEMAP_SYM = "tcmalloc::Static::sizemap_";
    static final String CENTRAL_SYM = "tcmalloc::Static::central_cache_";
    static final String THREAD_HEAPS_SYM = "tcmalloc::ThreadCache::thread_heaps_";

    static final LayoutRequest REQUEST = new LayoutRequest(
            List.of(SPAN, PAGE_HEAP, PAGE_MAP, LEAF, SIZE_MAP, CENTRAL, CENTRAL_PADDED, SLOT, CACHE, FREE_LIST),
            List.of(PAGEHEAP_SYM, SIZEMAP_SYM, CENTRAL_SYM, THREAD_HEAPS_SYM), List.of());

    static TcLayout from(LayoutSource src) {
        StructLayout span = src.struct(SPAN);
        StructLayout heap = src.struct(PAGE_HEAP);
        StructLayout map = src.struct(PAGE_MAP);
        StructLayout sizes = src.struct(SIZE_MAP);
        StructLayout central = src.struct(CENTRAL);
        StructLayout slot = src.struct(SLOT);
        StructLayout cache = src.struct(CACHE);
        StructLayout list = src.struct(FREE_LIST);
        return new TcLayout(span.size(), span.field("start"), span.field("length"), span.field("objects"), span.field("next"),
                bitfield(span, "refcount"), bitfield(span, "sizeclass"), bitfield(span, "location"),
                heap.offset("pagemap_"), map.offset("root_"), entries(map.field("root_")),
                entries(src.struct(LEAF).field("values")),
                heap.offset("stats_.system_bytes"), heap.offset("stats_.free_bytes"),
                heap.offset("stats_.unmapped_bytes"),
                sizes.offset("class_to_size_"), sizes.offset("num_objects_to_move_"),
                (int) (sizes.field("class_to_size_").size() / 4), sizes.offset("num_size_classes"),
                src.struct(CENTRAL_PADDED).size(), central.offset("size_class_"), central.offset("nonempty_"),
                central.offset("tc_slots_"), slot.size(), slot.offset("head"), slot.offset("tail"),
                central.offset("used_slots_"), (int) (central.field("tc_slots_").size() / slot.size()),
                cache.offset("list_"), cache.offset("next_"), list.size(), list.offset("list_"),
                list.offset("length_"));
    }

    private static FieldLayout bitfield(StructLayout s, String name) {
        FieldLayout f = s.field(name);
        if (!f.isBitfield()) {
            throw new LayoutException("struct " + s.name() + ": '" + name + "' is expected to be a bitfield");
        }
        return f;
    }

    private static int entries(FieldLayout array) {
        return (int) (array.size() / 8);
    }
}

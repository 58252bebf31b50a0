package maze.heap.tcmalloc;

import maze.heap.FieldReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import maze.heap.Warnings;
import maze.layout.LayoutTables;
import maze.testing.FakeMemory;

/**
 * A small tcmalloc heap in synthetic memory, laid out with Debian's built-in table: one span of
 * 16-byte objects (two on its own free list, one in a thread cache, four in a transfer slot), one
 * large span of two pages, one free span, and one stale page map entry.
 */
final class TcFakeHeap {
    static final TcLayout L = TcLayout.from(LayoutTables.of(TcLayouts.ALLOCATOR).get(0).source());
    static final long PAGE_HEAP = 0x10000000L;
    static final long SIZE_MAP = PAGE_HEAP + 0x200000;
    static final long CENTRAL = SIZE_MAP + 0x2000;
    static final long THREAD_HEAPS = CENTRAL + 0x30000;
    /** The statics above as a module's writable data. */
    static final long DATA_END = THREAD_HEAPS + 8;
    static final long CACHE = 0x13100000L;
    static final long LEAF = 0x14000000L;
    static final long SPANS = 0x15000000L;
    static final long SMALL = SPANS;
    static final long LARGE = SPANS + 64;
    static final long FREE = SPANS + 128;
    static final long STALE = SPANS + 192;
    static final long FIRST_PAGE = 0x1000;
    static final long HEAP = FIRST_PAGE << 13;
    static final int OBJECTS = 8192 / 16;

    final FakeMemory mem = new FakeMemory();
    final Warnings warnings = new Warnings();

    TcFakeHeap() {
        mem.region(PAGE_HEAP, (int) L.heapUnmappedBytes() + 8)
                .region(SIZE_MAP, 4232).region(CENTRAL, 128 * (int) L.centralStride()).region(THREAD_HEAPS, 8)
                .region(CACHE, 4160).region(LEAF, 8 * L.leafEntries()).region(SPANS, 256).region(HEAP, 5 * 8192);
        sizeClass(1, 16, 4);
        sizeClass(2, 32, 4);
        mem.putLong(SIZE_MAP + L.numClasses(), 3);
        for (int cl = 0; cl < 3; cl++) {
            mem.putLong(CENTRAL + cl * L.centralStride() + L.centralSizeClass(), cl);
            long sentinel = CENTRAL + cl * L.centralStride() + L.centralNonempty();
            mem.putLong(sentinel + L.spanNext().offset(), cl == 1 ? SMALL : sentinel);
        }
        mem.putLong(SMALL + L.spanNext().offset(), CENTRAL + L.centralStride() + L.centralNonempty());
        mem.putLong(PAGE_HEAP + L.heapPagemap() + L.mapRoot(), LEAF);
        span(SMALL, FIRST_PAGE, 1, 1, 0, OBJECTS - 2, obj(0));
        mem.putLong(obj(0), obj(1));
        span(LARGE, FIRST_PAGE + 1, 2, 0, 0, 1, 0);
        mapPage(FIRST_PAGE + 2, LARGE);
        span(FREE, FIRST_PAGE + 3, 1, 0, 1, 0, 0);
        span(STALE, 0x999, 1, 0, 0, 0, 0);
        mapPage(0x999, 0); // a Span merged away: only a later page still names it
        mapPage(FIRST_PAGE + 4, STALE);
        mem.putLong(PAGE_HEAP + L.heapSystemBytes(), 4 * 8192);
        mem.putLong(PAGE_HEAP + L.heapFreeBytes(), 8192);
        mem.putLong(THREAD_HEAPS, CACHE);
        threadCacheList(1, obj(5), 1);
        transferSlot(1, 10, 11, 12, 13);
    }

    static long obj(int i) {
        return HEAP + 16L * i;
    }

    void sizeClass(int cl, int size, int batch) {
        mem.putInt(SIZE_MAP + L.classToSize() + 4L * cl, size);
        mem.putInt(SIZE_MAP + L.objectsToMove() + 4L * cl, batch);
    }

    /** A span at {@code address}, mapped from its first page. */
    void span(long address, long start, long length, int sizeClass, int location, int refcount, long objects) {
        mem.putLong(address + L.spanStart().offset(), start);
        mem.putLong(address + L.spanLength().offset(), length);
        mem.putLong(address + L.spanObjects().offset(), objects);
        mem.putLong(address + L.spanRefcount().offset(), refcount | (long) sizeClass << 16 | (long) location << 24);
        mapPage(start, address);
    }

    void mapPage(long page, long span) {
        mem.putLong(LEAF + 8 * page, span);
    }

    void threadCacheList(int cl, long head, int length) {
        long list = CACHE + L.cacheLists() + cl * L.listSize();
        mem.putLong(list + L.listHead(), head);
        mem.putInt(list + L.listLength(), length);
    }

    void transferSlot(int cl, int... objects) {
        long central = CENTRAL + cl * L.centralStride();
        mem.putInt(central + L.centralUsedSlots(), 1);
        mem.putLong(central + L.centralSlots() + L.slotHead(), obj(objects[0]));
        mem.putLong(central + L.centralSlots() + L.slotTail(), obj(objects[objects.length - 1]));
        for (int i = 0; i + 1 < objects.length; i++) {
            mem.putLong(obj(objects[i]), obj(objects[i + 1]));
        }
    }

    /** The statics' range as StaticsSearch reads a module's data. */
    ModuleData data() {
        long[] words = new long[(int) ((DATA_END - PAGE_HEAP) / 8)];
        for (int i = 0; i < words.length; i++) {
            words[i] = mem.readLongOr(PAGE_HEAP + 8L * i, 0);
        }
        return new ModuleData(PAGE_HEAP, words);
    }

    /** The blocks as {address, size} pairs, and the walk's facts. */
    record Result(List<long[]> blocks, Map<String, Object> facts, maze.heap.OwnedMemory owned) {
    }

    Result walk() {
        List<long[]> blocks = new ArrayList<>();
        Statics st = new Statics(PAGE_HEAP, SIZE_MAP, CENTRAL, THREAD_HEAPS, "test");
        TcmallocWalk.Walked w = TcmallocWalk.walk(new FieldReader(mem, warnings), L, st, "test",
                (a, s, f) -> blocks.add(new long[] {a, s}));
        return new Result(blocks, w.facts(), w.spans().space.owned(w.caches(), PAGE_HEAP, 1));
    }
}

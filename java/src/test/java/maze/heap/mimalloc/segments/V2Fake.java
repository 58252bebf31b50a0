package maze.heap.mimalloc.segments;

import maze.heap.mimalloc.FakeFields;
import maze.heap.mimalloc.FreeListCodec;
import maze.heap.mimalloc.HeapLayout;
import maze.layout.LayoutTables;
import maze.layout.LayoutTable;
import java.util.List;
import maze.layout.FieldLayout;
import maze.layout.LayoutSource;
import maze.testing.FakeMemory;

/**
 * Synthetic mimalloc 2.x memory for unit tests: segments with a valid cookie, pages in their slice
 * entries, and free lists linked through the blocks, laid out with the Debian 2.0.9 table (or that
 * table plus page keys, to stand for an encoded build).
 */
final class V2Fake {
    static final long MAIN_COOKIE = 0x5eedc0ffee123457L;
    static final long SEG = 0x20000000000L;
    static final long MAIN_HEAP = 0x7f0000001000L;

    final FakeMemory mem = new FakeMemory();
    final V2Layout l;

    V2Fake(boolean encoded) {
        LayoutTable.Source src = LayoutTables.load("mimalloc/debian-2.0.9.layout").source();
        if (encoded) {
            src.struct(V2Layout.PAGE).fields().put("keys", new FieldLayout("keys", 64, 16));
        }
        l = V2Layout.from(src);
        mem.region(MAIN_HEAP, (int) src.struct(HeapLayout.HEAP).size());
        put(MAIN_HEAP, l.heap().heapCookie(), MAIN_COOKIE);
        put(MAIN_HEAP, l.heap().heapTld(), MAIN_HEAP); // any non-zero tld makes a heap plausible
    }

    static LayoutTable.Source table() {
        return LayoutTables.load("mimalloc/debian-2.0.9.layout").source();
    }

    /** A normal segment (512 slices, 1 info slice) whose memory covers {@code slices} slices. */
    long segment(long at, int slices, long threadId) {
        mem.region(at, (int) (slices * V2Slices.SLICE_SIZE));
        put(at, l.segCookie(), at ^ MAIN_COOKIE);
        put(at, l.segSlices(), 512);
        put(at, l.segInfoSlices(), 1);
        put(at, l.segSliceEntries(), 512);
        put(at, l.segThreadId(), threadId);
        long info = meta(at, 0);
        put(info, l.pageSliceCount(), 1);
        put(info, l.pageBlockSize(), V2Slices.SLICE_SIZE);
        return at;
    }

    long meta(long seg, int idx) {
        return seg + l.segSlicesArray() + idx * l.pageSize();
    }

    /** An in-use page at slice {@code idx} with {@code capacity} blocks of {@code bsize}, used = capacity. */
    long page(long seg, int idx, long bsize, int capacity, long heap) {
        long m = meta(seg, idx);
        put(m, l.pageSliceCount(), 1);
        put(m, l.pageBlockSize(), bsize);
        put(m, l.pageCapacity(), capacity);
        put(m, l.pageReserved(), capacity);
        put(m, l.pageUsed(), capacity);
        put(m, l.pageHeap(), heap);
        put(seg, l.segUsed(), mem.readLong(seg + l.segUsed().offset()) + 1);
        return m;
    }

    long block(long seg, int idx, long bsize, int i) {
        long start = seg + idx * V2Slices.SLICE_SIZE + (bsize <= 1024 ? 384 : 0);
        return start + i * bsize;
    }

    /** Links {@code blocks} as a list whose head goes into {@code headAt}, encoded with {@code codec}. */
    void list(long headAt, long headBits, FreeListCodec codec, List<Long> blocks) {
        mem.putLong(headAt, (blocks.isEmpty() ? 0 : blocks.get(0)) | headBits);
        for (int i = 0; i < blocks.size(); i++) {
            long next = i + 1 < blocks.size() ? blocks.get(i + 1) : 0;
            mem.putLong(blocks.get(i), codec.encode(next));
        }
    }

    /** Writes a field of {@code f.size()} bytes, keeping the bytes around it. */
    void put(long base, FieldLayout f, long value) {
        FakeFields.put(mem, base, f, value);
    }
}

package maze.heap.mimalloc.segments;

import maze.heap.mimalloc.FakeFields;
import maze.heap.mimalloc.Page;
import maze.layout.LayoutTable;
import java.util.List;
import maze.layout.FieldLayout;
import maze.layout.StructLayout;
import maze.testing.FakeMemory;

/**
 * Synthetic mimalloc 1.x memory for unit tests, laid out by a table as DWARF gives it: a main heap
 * with its cookie, segment headers with a valid cookie, and page entries in their headers.
 */
final class V1Fake {
    static final long MAIN_HEAP = 0x7f0000001000L;
    static final long COOKIE = 0x0123456789abcdefL;
    static final long INFO = 4096;

    final FakeMemory mem = new FakeMemory();
    final LayoutTable.Source src;
    final StructLayout seg;
    final StructLayout page;

    /** {@code layout}: the table's lines (as LayoutTable reads them). */
    V1Fake(List<String> layout) {
        src = LayoutTable.parse("v1-test", "mimalloc", layout).source();
        seg = src.struct("mi_segment_t");
        page = src.struct("mi_page_t");
        page.fields().put("segment_in_use", new FieldLayout("segment_in_use", 1, 1, 0, 1));
        StructLayout heap = src.struct("mi_heap_t");
        mem.region(MAIN_HEAP, (int) heap.size());
        put(MAIN_HEAP, heap, "cookie", COOKIE);
        put(MAIN_HEAP, heap, "tld", MAIN_HEAP); // any non-zero tld makes a heap plausible
    }

    /** A segment header at {@code at} (memory of {@code size} bytes) with one page in use. */
    void segment(long at, int kind, long size, int shift, int capacity) {
        mem.region(at, (int) size);
        put(at, seg, "cookie", at ^ COOKIE);
        put(at, seg, "page_kind", kind);
        put(at, seg, "segment_size", size);
        put(at, seg, "segment_info_size", INFO);
        put(at, seg, "page_shift", shift);
        put(at, seg, "capacity", capacity);
        put(at, seg, "used", 1);
    }

    /** Page entry {@code idx} of the segment, in use; returns its address. */
    long page(long segment, int idx, long bsize, int capacity, long used) {
        long m = segment + seg.offset("pages") + idx * page.size();
        put(m, page, "capacity", capacity);
        put(m, page, "reserved", capacity);
        put(m, page, "used", used);
        put(m, page, page.has("xblock_size") ? "xblock_size" : "block_size", bsize);
        mem.putLong(m, mem.readLong(m) | 0x100); // segment_in_use: bit 0 of byte 1
        return m;
    }

    void put(long base, StructLayout s, String field, long value) {
        FakeFields.put(mem, base, s.field(field), value);
    }
}

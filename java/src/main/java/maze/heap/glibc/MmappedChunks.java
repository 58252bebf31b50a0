package maze.heap.glibc;

import java.util.ArrayList;
import java.util.List;
import maze.core.CoreModel;
import maze.core.MappedFile;
import maze.core.Segment;

/**
 * Finds mmapped chunks: no arena list holds them, so every page of the anonymous writable mappings
 * outside the arenas is checked for a chunk header (prev_size 0, size a page multiple with only
 * IS_MMAPPED set), stepping over each chunk found. Memaligned ones keep that original header at
 * the mapping start and carry the real one {@code prev_size} bytes further in.
 */
final class MmappedChunks {
    private static final long PAGE = 4096;
    private static final long IS_MMAPPED = 2;
    /** How far into a mapping a memaligned chunk header is looked for. */
    private static final long MAX_ALIGN_LEAD = 1L << 20;

    private final GlibcMemory m;
    private long mappedBytes;
    private List<MmapCounters.Found> kept = List.of();

    MmappedChunks(GlibcMemory m) {
        this.m = m;
    }

    /** Bytes of every mapping kept, memalign leads included: what mp_.mmapped_mem counts. */
    long mappedBytes() {
        return mappedBytes;
    }

    /** The mappings of the chunks kept, as {start, end}: a memaligned chunk's lead is part of its mapping. */
    List<long[]> mappings() {
        return kept.stream().map(f -> new long[] {f.range().end() - f.mappingBytes(), f.range().end()}).toList();
    }

    /**
     * Mmapped chunks in address order; none are looked for when glibc says it has none. When they
     * disagree with mp_'s counters, MmapCounters decides which are kept.
     */
    List<ChunkRange> find(CoreModel core, List<Arena> arenas, long expected, long expectedBytes) {
        if (expected == 0) {
            return List.of();
        }
        long[] excluded = arenaIntervals(arenas);
        long[] files = fileIntervals(core.files());
        List<MmapCounters.Found> found = new ArrayList<>();
        for (Segment s : core.segments()) {
            if (s.writable() && !overlaps(files, s.vaddr(), s.end())) {
                scan(s, excluded, found);
            }
        }
        kept = MmapCounters.reconcile(m, found, expected, expectedBytes);
        mappedBytes = kept.stream().mapToLong(MmapCounters.Found::mappingBytes).sum();
        return kept.stream().map(MmapCounters.Found::range).toList();
    }

    private void scan(Segment s, long[] excluded, List<MmapCounters.Found> found) {
        List<long[]> mappings = mappings(s, excluded);
        for (int i = 0; i < mappings.size(); i++) {
            long[] c = mappings.get(i);
            long[] before = i > 0 ? mappings.get(i - 1) : null;
            long[] after = i + 1 < mappings.size() ? mappings.get(i + 1) : null;
            // its own mapping: bounded by the segment's edges or by the chunks beside it
            boolean startsAtEdge = c[0] == s.vaddr() || before != null && before[0] + before[1] == c[0];
            boolean endsAtEdge = c[0] + c[1] == s.end() || after != null && after[0] == c[0] + c[1];
            long chunkSize = GlibcMemory.chunkSize(m.word(c[2] + 8));
            found.add(new MmapCounters.Found(new ChunkRange(c[2], c[2] + chunkSize, c[2] + chunkSize, 0, true), c[1],
                    startsAtEdge && endsAtEdge));
        }
    }

    /**
     * The segment's mmapped-chunk mappings in address order: {mapping start, mapping bytes, chunk}.
     * One word per page is read, and a chunk found is stepped over: its pages are its data, never
     * headers. (A native scan of every page read the whole of each chunk, 16 GB of a 20 GB core.)
     */
    private List<long[]> mappings(Segment s, long[] excluded) {
        List<long[]> mappings = new ArrayList<>();
        int heap = 0; // the first excluded interval not below page: pages only go up
        for (long page = s.vaddr(); Long.compareUnsigned(page, s.end()) < 0; ) {
            while (2 * heap < excluded.length && Long.compareUnsigned(excluded[2 * heap + 1], page) <= 0) {
                heap++;
            }
            if (2 * heap < excluded.length && Long.compareUnsigned(excluded[2 * heap], page) <= 0) {
                page = (excluded[2 * heap + 1] + PAGE - 1) & -PAGE; // an arena's heap: walked, not searched
                continue;
            }
            long size = (m.wordOr(page + 8, 0) & (PAGE - 1)) == IS_MMAPPED ? headerSize(page, 0, s) : 0;
            // a real mmapped chunk is a mapping of its own: one reaching into an arena's heap is
            // stray bytes that look like a header, and would hide that heap's chunks
            if (size == 0 || intervalStartsIn(excluded, page, page + size)) {
                page += PAGE;
                continue;
            }
            mappings.add(new long[] {page, size, alignedChunk(page, size)});
            page += size;
        }
        return mappings;
    }

    /** The chunk size when {@code at} holds an mmapped-chunk header with the given prev_size, else 0. */
    private long headerSize(long at, long prevSize, Segment s) {
        if (!m.memory().isAvailable(at, 16) || m.word(at) != prevSize) {
            return 0;
        }
        long sizeField = m.word(at + 8);
        long size = GlibcMemory.chunkSize(sizeField);
        boolean shape = (sizeField & 7) == IS_MMAPPED && size > 0 && ((size + prevSize) & (PAGE - 1)) == 0;
        return shape && Long.compareUnsigned(at + size, s.end()) <= 0 ? size : 0;
    }

    /** A memaligned chunk sits lead bytes in, with prev_size == lead and size == mapping - lead. */
    private long alignedChunk(long page, long mappingSize) {
        long limit = Math.min(mappingSize - 32, MAX_ALIGN_LEAD);
        for (long lead = 32; lead <= limit; lead += 16) {
            long at = page + lead;
            if (m.wordOr(at, -1) == lead && m.wordOr(at + 8, 0) == ((mappingSize - lead) | IS_MMAPPED)) {
                return at;
            }
        }
        return page;
    }

    /** The NT_FILE ranges as sorted [start, end) pairs: a process may map tens of thousands of files. */
    private static long[] fileIntervals(List<MappedFile> files) {
        long[] flat = new long[files.size() * 2];
        List<MappedFile> sorted = new ArrayList<>(files);
        sorted.sort((x, y) -> Long.compareUnsigned(x.start(), y.start()));
        for (int i = 0; i < sorted.size(); i++) {
            flat[2 * i] = sorted.get(i).start();
            flat[2 * i + 1] = sorted.get(i).end();
        }
        return flat;
    }

    /**
     * True when [start, end) meets one of the sorted, disjoint intervals: only the last one that
     * starts below end can, as disjoint intervals end in the order they start. A binary search,
     * not a pass over every file for every segment (that was quadratic in the mapping count).
     */
    private static boolean overlaps(long[] flat, long start, long end) {
        int lo = 0;
        int hi = flat.length / 2 - 1;
        int last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(flat[2 * mid], end) < 0) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return last >= 0 && Long.compareUnsigned(flat[2 * last + 1], start) > 0;
    }

    /** Address intervals [start, end) pairs, sorted, that arenas own: no mmapped chunk lies there. */
    private static long[] arenaIntervals(List<Arena> arenas) {
        List<long[]> iv = new ArrayList<>();
        for (Arena a : arenas) {
            for (ChunkRange r : a.ranges()) {
                long heapStart = a.main() ? r.start() : r.start() & -Arenas.HEAP_MAX_SIZE;
                long heapEnd = a.main() ? r.end() : heapStart + Arenas.HEAP_MAX_SIZE;
                iv.add(new long[] {heapStart, heapEnd});
            }
        }
        iv.sort((x, y) -> Long.compareUnsigned(x[0], y[0]));
        long[] flat = new long[iv.size() * 2];
        for (int i = 0; i < iv.size(); i++) {
            flat[2 * i] = iv.get(i)[0];
            flat[2 * i + 1] = iv.get(i)[1];
        }
        return flat;
    }

    /** True when an interval starts in (from, to). */
    private static boolean intervalStartsIn(long[] flat, long from, long to) {
        for (int i = 0; i < flat.length; i += 2) {
            if (Long.compareUnsigned(flat[i], from) > 0 && Long.compareUnsigned(flat[i], to) < 0) {
                return true;
            }
        }
        return false;
    }
}

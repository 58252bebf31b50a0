package maze.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import maze.core.Segment;

/**
 * The core's segments as parallel arrays sorted by address, for a binary search without objects.
 * Per segment: [start, start + held) is in the core file; [start + held, start + declared) was
 * promised by the header but the file is too short (truncated); [start + declared, end) was never
 * written (kernel cores) and may come from a module file.
 */
final class SegmentTable {
    final long[] start;
    final long[] end;
    final long[] fileOffset;
    final long[] held;
    final long[] declared;
    /** held - 8: the last offset where a whole long can be read, negative when none can. */
    final long[] lastLong;
    private final long[] searchKey;

    SegmentTable(List<Segment> segments, long fileSize) {
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparing(Segment::vaddr, Long::compareUnsigned));
        int n = sorted.size();
        start = new long[n];
        end = new long[n];
        fileOffset = new long[n];
        held = new long[n];
        declared = new long[n];
        lastLong = new long[n];
        searchKey = new long[n];
        for (int i = 0; i < n; i++) {
            Segment s = sorted.get(i);
            start[i] = s.vaddr();
            end[i] = s.vaddr() + s.memSize();
            fileOffset[i] = s.fileOffset();
            declared[i] = Math.min(Math.max(0, s.fileSize()), s.memSize());
            held[i] = Math.min(HeldBytes.of(s, fileSize), declared[i]);
            lastLong[i] = held[i] - 8;
            searchKey[i] = s.vaddr() ^ Long.MIN_VALUE;
        }
    }

    int size() {
        return start.length;
    }

    /** The segment containing address, or -1. */
    int find(long address) {
        int i = lastAtOrBelow(address);
        return i >= 0 && Long.compareUnsigned(address - start[i], end[i] - start[i]) < 0 ? i : -1;
    }

    /**
     * The index of the last segment starting at or below address (unsigned), or -1. Written so
     * the compiler can use conditional moves: random reads over a large core would otherwise pay
     * a mispredicted branch per step.
     */
    int lastAtOrBelow(long address) {
        long key = address ^ Long.MIN_VALUE;
        int n = searchKey.length;
        if (n == 0) {
            return -1;
        }
        int base = 0;
        while (n > 1) {
            int half = n >>> 1;
            base = searchKey[base + half] <= key ? base + half : base;
            n -= half;
        }
        return searchKey[base] <= key ? base : -1;
    }

    /** The start of the first segment above address, or -1 (the top of the address space). */
    long nextStart(long address) {
        int i = lastAtOrBelow(address) + 1;
        return i < start.length ? start[i] : -1L;
    }
}

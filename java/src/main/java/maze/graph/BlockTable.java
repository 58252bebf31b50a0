package maze.graph;

import java.util.Arrays;
import maze.classify.TypeKeys;
import maze.classify.TypedBlockSink;

/**
 * The live blocks of one core in address order, as parallel primitive arrays: block i is
 * [start(i), end(i)) with type key type(i). Blocks never overlap, so both arrays are sorted and a
 * word is found in its block with one binary search. 20 bytes a block: a type is kept as its C++
 * class id only, since every other block's type key is its size; the arrays may be longer than
 * the count (no copy to trim them).
 */
public final class BlockTable {
    private final long[] starts;
    private final long[] ends;
    /** The class id, or -1 for a block named by its size. */
    private final int[] classes;
    private final int count;

    BlockTable(long[] starts, long[] ends, int[] classes, int count) {
        this.starts = starts;
        this.ends = ends;
        this.classes = classes;
        this.count = count;
    }

    public int count() {
        return count;
    }

    public long start(int i) {
        return starts[i];
    }

    public long end(int i) {
        return ends[i];
    }

    public long size(int i) {
        return ends[i] - starts[i];
    }

    public long type(int i) {
        return classes[i] < 0 ? TypeKeys.ofSize(ends[i] - starts[i]) : TypeKeys.ofClass(classes[i]);
    }

    /** The block holding {@code address} (its first byte up to its last; a 0-byte block holds its start), or -1. */
    public int indexOf(long address) {
        int i = Arrays.binarySearch(starts, 0, count, address);
        if (i >= 0) {
            return i;
        }
        i = -i - 2;
        return i >= 0 && address < ends[i] ? i : -1;
    }

    /** The first block starting at or above {@code address}; {@link #count()} when none does. */
    public int firstAtOrAbove(long address) {
        int i = Arrays.binarySearch(starts, 0, count, address);
        return i >= 0 ? i : -i - 1;
    }

    /**
     * The blocks as {start, end} pairs for a pointer scan, neighbours closer than {@code gap} bytes
     * joined (allocator headers between blocks): fewer ranges, and the caller checks each hit.
     */
    long[] scanRanges(long gap) {
        long[] out = new long[2 * count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            long end = Math.max(ends[i], starts[i] + 1);
            if (n > 0 && starts[i] - out[n - 1] <= gap) {
                out[n - 1] = Math.max(out[n - 1], end);
            } else {
                out[n++] = starts[i];
                out[n++] = end;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Collects blocks as an analysis streams them (increasing address order). */
    public static final class Builder implements TypedBlockSink {
        private long[] starts = new long[1024];
        private long[] ends = new long[1024];
        private int[] classes = new int[1024];
        private int n;
        private long skipped;

        @Override
        public void block(long address, long size, int flags, long typeKey) {
            if (n > 0 && address < ends[n - 1]) {
                skipped++; // two allocators claiming the same bytes: the first block keeps them
                return;
            }
            if (n == starts.length) {
                int grown = n + (n >> 1);
                starts = Arrays.copyOf(starts, grown);
                ends = Arrays.copyOf(ends, grown);
                classes = Arrays.copyOf(classes, grown);
            }
            starts[n] = address;
            ends[n] = address + size;
            classes[n] = TypeKeys.isClass(typeKey) ? TypeKeys.classId(typeKey) : -1;
            n++;
        }

        /** Blocks left out because they overlapped the block before them. */
        public long skipped() {
            return skipped;
        }

        public BlockTable build() {
            return new BlockTable(starts, ends, classes, n);
        }
    }
}

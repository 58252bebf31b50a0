package maze.graph;

import java.util.Arrays;
import maze.classify.TypeKeys;
import maze.classify.TypedBlockSink;
import maze.heap.BlockSink;
import maze.heap.LongArrays;

/**
 * The live blocks of one core in address order, as parallel primitive arrays: block i is
 * [start(i), end(i)) with type key type(i). Blocks never overlap, so both arrays are sorted and a
 * word is found in its block by a search among the few blocks of its bucket (below). 16 bytes a
 * block, 4 more once a C++ class is among them (a type is kept as its class id only, since every
 * other block's type key is its size), and about one for the buckets; the arrays may be longer
 * than the count (no copy to trim them). Blocks the allocator flags as its own metadata may be
 * set apart ({@link Builder#settingApartMetadata()}): they are then no block of the table, only a
 * range of {@link #metadataCount()} (a handful: jemalloc's thread caches' stacks).
 */
public final class BlockTable {
    private static final long[] NONE = {};
    /** Blocks per bucket, about: a pointer scan looks up every hit, so a bucket should fit a cache line or two. */
    private static final int PER_BUCKET = 4;

    private final long[] starts;
    private final long[] ends;
    /** The class id, or -1 for a block named by its size; null when every block is named by its size. */
    private final int[] classes;
    private final int count;
    /** The set-apart metadata blocks as {start, end} pairs, in address order. */
    private final long[] metadata;
    /** The address space from the first start to the last end, cut into buckets of 2^shift bytes. */
    private final long base;
    private final long span;
    private final int shift;
    /** The first block starting in bucket k or above; one more entry than buckets. */
    private final int[] bucketFirst;

    BlockTable(long[] starts, long[] ends, int[] classes, int count) {
        this(starts, ends, classes, count, NONE);
    }

    BlockTable(long[] starts, long[] ends, int[] classes, int count, long[] metadata) {
        this.starts = starts;
        this.ends = ends;
        this.classes = classes;
        this.count = count;
        this.metadata = metadata;
        this.base = count == 0 ? 0 : starts[0];
        this.span = count == 0 ? 0 : Math.max(ends[count - 1], starts[count - 1]) - base;
        this.shift = shiftFor(span, count);
        this.bucketFirst = buckets();
    }

    /**
     * The smallest bucket size (at least 16 bytes) giving no more than count / PER_BUCKET buckets.
     * Blocks spread over distant mappings make the buckets large: the search inside one is binary, so
     * a lookup then costs what one binary search over every block costs.
     */
    private static int shiftFor(long span, int count) {
        long buckets = Math.max(1, count / PER_BUCKET);
        int s = 4;
        while (s < 62 && (span >>> s) >= buckets) {
            s++;
        }
        return s;
    }

    private int[] buckets() {
        int n = (int) (span >>> shift) + 1;
        int[] first = new int[n + 1];
        int i = 0;
        for (int k = 0; k <= n; k++) {
            long bucketStart = base + ((long) k << shift);
            while (i < count && starts[i] < bucketStart) {
                i++;
            }
            first[k] = i;
        }
        return first;
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
        return classes == null || classes[i] < 0 ? TypeKeys.ofSize(ends[i] - starts[i]) : TypeKeys.ofClass(classes[i]);
    }

    /** The block holding {@code address} (its first byte up to its last; a 0-byte block holds its start), or -1. */
    public int indexOf(long address) {
        long offset = address - base;
        if (count == 0 || Long.compareUnsigned(offset, span) > 0) { // below base too: negative offsets
            return -1;
        }
        int k = (int) (offset >>> shift);
        // the last block starting at or below address: among those starting in bucket k, else the one before
        int lo = bucketFirst[k];
        int hi = bucketFirst[k + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= address) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int i = lo - 1;
        return i >= 0 && (address < ends[i] || address == starts[i]) ? i : -1;
    }

    /** How many blocks of the allocator's own metadata were set apart (not in the table). */
    public int metadataCount() {
        return metadata.length / 2;
    }

    public long metadataStart(int i) {
        return metadata[2 * i];
    }

    public long metadataEnd(int i) {
        return metadata[2 * i + 1];
    }

    /** Bytes of the set-apart metadata blocks. */
    public long metadataBytes() {
        long sum = 0;
        for (int i = 0; i < metadataCount(); i++) {
            sum += metadataEnd(i) - metadataStart(i);
        }
        return sum;
    }

    /** The set-apart metadata block holding {@code address}, or -1. */
    public int metadataIndexOf(long address) {
        for (int i = 0; i < metadataCount(); i++) {
            if (metadataStart(i) <= address && address < metadataEnd(i)) {
                return i;
            }
        }
        return -1;
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
        /** Made when the first C++ class comes (a C program's table has none). */
        private int[] classes;
        private int n;
        private long skipped;
        private final LongArrays metadata = new LongArrays();
        private boolean setApart;

        /** Every block in the table (a block listing, pattern names). */
        public Builder() {
        }

        /**
         * For the reference graph: blocks flagged {@link BlockSink#ALLOCATOR_METADATA} are set apart,
         * in no set, their words no references.
         */
        public static Builder settingApartMetadata() {
            Builder b = new Builder();
            b.setApart = true;
            return b;
        }

        @Override
        public void block(long address, long size, int flags, long typeKey) {
            if (setApart && (flags & BlockSink.ALLOCATOR_METADATA) != 0) {
                metadata.add(address);
                metadata.add(address + size);
                return;
            }
            if (n > 0 && address < ends[n - 1]) {
                skipped++; // two allocators claiming the same bytes: the first block keeps them
                return;
            }
            if (n == starts.length) {
                int grown = n + (n >> 1);
                starts = Arrays.copyOf(starts, grown);
                ends = Arrays.copyOf(ends, grown);
                classes = classes == null ? null : Arrays.copyOf(classes, grown);
            }
            starts[n] = address;
            ends[n] = address + size;
            if (TypeKeys.isClass(typeKey) && classes == null) {
                classes = new int[starts.length];
                Arrays.fill(classes, 0, n, -1);
            }
            if (classes != null) {
                classes[n] = TypeKeys.isClass(typeKey) ? TypeKeys.classId(typeKey) : -1;
            }
            n++;
        }

        /** Blocks left out because they overlapped the block before them. */
        public long skipped() {
            return skipped;
        }

        public BlockTable build() {
            long[] meta = new long[metadata.size()];
            for (int i = 0; i < meta.length; i++) {
                meta[i] = metadata.get(i);
            }
            return new BlockTable(starts, ends, classes, n, meta);
        }
    }
}

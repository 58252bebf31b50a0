package maze.heap.tcmalloc;

import maze.heap.FieldReader;
import java.util.Arrays;
import maze.heap.BlockSink;

/**
 * The block finder over spans in use: a span of size class 0 is one large block; a span of a
 * size class is cut into objects of that class's size, of which those on the span's own free
 * list or in a cache are free. The span's free list is bounded by the span's object count, stays
 * on object boundaries inside the span, and stops at the first repeat (a cycle).
 */
final class SpanObjects {
    private final FieldReader m;
    private final SizeClasses classes;
    private final long[] cacheFree;
    private final int pageShift;
    private boolean[] isFree = new boolean[64];
    long spansInUse;
    long spanBytesInUse;
    long smallObjects;
    long largeBlocks;
    long spanFreeBytes;
    long freeSpanBytes;
    long cacheFreeUsed;
    long refcountMismatches;
    long badSpanLists;
    long badClasses;
    final SpanSpace space = new SpanSpace();

    SpanObjects(FieldReader m, SizeClasses classes, long[] cacheFree, int pageShift) {
        this.m = m;
        this.classes = classes;
        this.cacheFree = cacheFree;
        this.pageShift = pageShift;
    }

    void emit(TcSpan s, BlockSink sink) {
        space.span(s, pageShift);
        if (!s.inUse()) {
            freeSpanBytes += s.bytes(pageShift);
            return;
        }
        spansInUse++;
        spanBytesInUse += s.bytes(pageShift);
        if (s.sizeClass() == 0) {
            largeBlocks++;
            sink.block(s.base(pageShift), s.bytes(pageShift), 0);
        } else if (!classes.valid(s.sizeClass())) {
            badClasses++;
        } else {
            objects(s, classes.size()[s.sizeClass()], sink);
        }
    }

    private void objects(TcSpan s, int size, BlockSink sink) {
        long base = s.base(pageShift);
        int n = (int) Math.min(Integer.MAX_VALUE, s.bytes(pageShift) / size);
        if (isFree.length < n) {
            isFree = new boolean[Math.max(n, 2 * isFree.length)];
        }
        Arrays.fill(isFree, 0, n, false);
        int onList = markSpanList(s.objects(), base, size, n);
        markCacheFree(base, size, n);
        if (onList + s.refcount() != n) {
            refcountMismatches++;
        }
        long free = 0;
        for (int i = 0; i < n; i++) {
            if (isFree[i]) {
                free++;
                continue;
            }
            smallObjects++;
            sink.block(base + (long) i * size, size, 0);
        }
        space.freeObjects(free, size);
    }

    private int markSpanList(long head, long base, int size, int n) {
        int count = 0;
        for (long p = head; p != 0; p = m.word(p)) {
            long off = p - base;
            if (off < 0 || off >= (long) n * size || off % size != 0 || isFree[(int) (off / size)]) {
                badSpanLists++;
                break;
            }
            isFree[(int) (off / size)] = true;
            count++;
        }
        spanFreeBytes += (long) count * size;
        return count;
    }

    private void markCacheFree(long base, int size, int n) {
        long end = base + (long) n * size;
        int i = Arrays.binarySearch(cacheFree, base);
        for (i = i < 0 ? -i - 1 : i; i < cacheFree.length && cacheFree[i] < end; i++) {
            long off = cacheFree[i] - base;
            if (off % size == 0) {
                isFree[(int) (off / size)] = true;
                cacheFreeUsed++;
            }
        }
    }
}

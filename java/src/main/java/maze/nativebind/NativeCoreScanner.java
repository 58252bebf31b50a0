package maze.nativebind;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import maze.core.Segment;
import maze.memory.CoreAccessException;
import maze.memory.CoreScanner;
import maze.memory.HeaderQuery;
import maze.memory.ScanSink;

/**
 * {@link CoreScanner} over the C helper. Each batch is one native call over all segments in the
 * window, so JNA's per-call cost is paid once per {@value #BATCH} hits, not per word.
 */
public final class NativeCoreScanner implements CoreScanner {
    static final int BATCH = 1 << 16;

    private final NativeCore core;
    private final ScanSpans spans;
    private final int threads;
    private final int batch;
    /** False when the mapping is shared with Java reads: it is unmapped once unreachable, not on close. */
    private final boolean ownsCore;
    private boolean closed;
    private final ReentrantReadWriteLock closing = new ReentrantReadWriteLock();

    /** One native scan call: fills addrs/words, writes out[3], returns a status. */
    private interface Call {
        int run(Pointer core, Pointer segs, int nsegs, Pointer addrs, Pointer words, long cap, Pointer out);
    }

    NativeCoreScanner(NativeCore core, ScanSpans spans, int threads, int batch, boolean ownsCore) {
        this.core = core;
        this.spans = spans;
        this.threads = threads;
        this.batch = batch;
        this.ownsCore = ownsCore;
    }

    /**
     * Maps {@code corePath} for scanning its {@code segments}, using {@code threads} threads per
     * scan. Segment bytes past {@code realFileSize} are not scanned (a truncated core).
     */
    public static NativeCoreScanner open(Path corePath, long realFileSize, List<Segment> segments,
                                         int threads) throws IOException {
        return open(corePath, realFileSize, segments, threads, BATCH);
    }

    static NativeCoreScanner open(Path corePath, long realFileSize, List<Segment> segments,
                                  int threads, int batch) throws IOException {
        NativeCore core = NativeCoreMapping.map(corePath, realFileSize, segments);
        long size = Math.min(realFileSize, core.size());
        return new NativeCoreScanner(core, ScanSpans.of(segments, size), Math.max(1, threads), batch, true);
    }

    @Override
    public void findValue(long value, long from, long to, ScanSink sink) {
        scan("value 0x" + Long.toHexString(value), from, to, sink,
                (c, s, n, a, w, cap, out) -> MazeScanLibrary.maze_scan_value(c, s, n, value, threads, a, w, cap, out));
    }

    @Override
    public void findHeaders(HeaderQuery q, long from, long to, ScanSink sink) {
        long[] pred = {(q.masked() ? MazeScanLibrary.PRED_MASK : 0) | (q.ranged() ? MazeScanLibrary.PRED_RANGE : 0),
            q.mask(), q.value(), q.lo(), q.hi()};
        scan("headers " + q, from, to, sink, (c, s, n, a, w, cap, out) -> MazeScanLibrary.maze_scan_header(
                c, s, n, q.stride(), q.fieldOffset(), pred, threads, a, w, cap, out));
    }

    @Override
    public void findPointers(long[] ranges, long from, long to, ScanSink sink) {
        if (ranges.length == 0) {
            return;
        }
        if (ranges.length % 2 != 0) {
            throw new IllegalArgumentException("ranges come in {start, end} pairs: " + ranges.length);
        }
        try (Memory r = longs(ranges)) {
            scan("pointers into " + ranges.length / 2 + " ranges", from, to, sink,
                    (c, s, n, a, w, cap, out) -> MazeScanLibrary.maze_scan_ranges(
                            c, s, n, r, ranges.length / 2, threads, a, w, cap, out));
        }
    }

    private void scan(String what, long from, long to, ScanSink sink, Call call) {
        closing.readLock().lock();
        if (closed) {
            closing.readLock().unlock();
            throw new IllegalStateException("core " + core.path() + " is closed");
        }
        try (Memory addrs = new Memory(8L * batch); Memory words = new Memory(8L * batch);
             Memory out = new Memory(24)) {
            long[] a = new long[batch];
            long[] w = new long[batch];
            for (long start = from; ; ) {
                long[] window = spans.clip(start, to);
                if (window.length == 0) {
                    return;
                }
                int rc;
                // JNA memory is not zeroed and C rejects bad arguments before writing out[]: without
                // this, check() read a stale "bad segment" and indexed the window with garbage
                out.setLong(16, -1);
                try (Memory segs = longs(window)) {
                    rc = call.run(core.handle(), segs, window.length / 3, addrs, words, batch, out);
                }
                check(rc, what, window, out.getLong(16));
                int count = (int) out.getLong(0);
                addrs.read(0, a, 0, count);
                words.read(0, w, 0, count);
                sink.accept(a, w, count);
                if (rc != MazeScanLibrary.OVERFLOW) {
                    return;
                }
                start = out.getLong(8);
            }
        } finally {
            closing.readLock().unlock();
            // a shared mapping is unmapped once unreachable: not before the last native call returned
            Reference.reachabilityFence(core);
        }
    }

    private void check(int rc, String what, long[] window, long badSegment) {
        if (rc >= 0) {
            return;
        }
        String where = badSegment >= 0 && 3 * badSegment + 2 < window.length
                ? String.format(" at segment vaddr 0x%x (file offset 0x%x, %d bytes)",
                        window[(int) (3 * badSegment)], window[(int) (3 * badSegment + 1)],
                        window[(int) (3 * badSegment + 2)])
                : "";
        String msg = String.format("core %s: scan for %s failed%s: %s%s", core.path(), what, where,
                NativeCore.describe(rc), currentSize());
        if (rc == MazeScanLibrary.ERR_ARGUMENT) {
            throw new IllegalArgumentException(msg);
        }
        throw new CoreAccessException(msg);
    }

    private String currentSize() {
        try {
            return "; the file has " + Files.size(core.path()) + " bytes now";
        } catch (IOException e) {
            return "; the file cannot be read now: " + e.getMessage();
        }
    }

    private static Memory longs(long[] values) {
        Memory m = new Memory(8L * Math.max(1, values.length));
        m.write(0, values, 0, values.length);
        return m;
    }

    /** Spans the scanner reads (readable, held by the file). */
    int spanCount() {
        return spans.count();
    }

    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            closed = true;
            if (ownsCore) {
                core.close();
            }
        } finally {
            closing.writeLock().unlock();
        }
    }
}

package maze.testing;

import maze.memory.CoreScanner;
import maze.memory.HeaderQuery;
import maze.memory.MemoryView;
import maze.memory.ScanSink;

/** A plain-Java header scan over synthetic memory, for walkers' unit tests (windows must be finite). */
public final class FakeScanner implements CoreScanner {
    private final MemoryView memory;

    public FakeScanner(MemoryView memory) {
        this.memory = memory;
    }

    @Override
    public void findHeaders(HeaderQuery q, long from, long to, ScanSink sink) {
        long first = Long.divideUnsigned(from + q.stride() - 1, q.stride()) * q.stride();
        for (long a = first; Long.compareUnsigned(a, to) < 0; a += q.stride()) {
            long at = a + q.fieldOffset();
            if (!memory.isAvailable(at, 8)) {
                continue;
            }
            long w = memory.readLong(at);
            boolean ok = (!q.masked() || (w & q.mask()) == q.value())
                    && (!q.ranged() || (Long.compareUnsigned(w, q.lo()) >= 0 && Long.compareUnsigned(w, q.hi()) <= 0));
            if (ok) {
                sink.accept(new long[] {a}, new long[] {w}, 1);
            }
        }
    }

    @Override
    public void findValue(long value, long from, long to, ScanSink sink) {
        throw new UnsupportedOperationException("not needed by the synthetic tests");
    }

    @Override
    public void findPointers(long[] ranges, long from, long to, ScanSink sink) {
        throw new UnsupportedOperationException("not needed by the synthetic tests");
    }

    @Override
    public void close() {
    }
}

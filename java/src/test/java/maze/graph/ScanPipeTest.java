package maze.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import maze.memory.CoreAccessException;
import maze.memory.CoreScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The scan on its own thread: every batch in order on the caller's, and a failure on either side ends both. */
@Timeout(20)
class ScanPipeTest {
    /** Hands out {@code batches} batches of 1000 hits (address i * 8, word i), reusing its arrays; fails at {@code failAt}. */
    private static CoreScanner scanner(int batches, int failAt) {
        return (PointerScanner) (ranges, from, to, sink) -> {
            long[] a = new long[1000];
            long[] w = new long[1000];
            for (int b = 0; b < batches; b++) {
                if (b == failAt) {
                    throw new CoreAccessException("core x: scan failed at batch " + b);
                }
                for (int i = 0; i < 1000; i++) {
                    a[i] = 8L * (1000L * b + i);
                    w[i] = 1000L * b + i;
                }
                sink.accept(a, w, 1000);
            }
        };
    }

    @Test
    void everyHitArrivesInOrder() {
        List<Long> words = new ArrayList<>();
        ScanPipe.findPointers(scanner(200, -1), new long[] {0, 1}, (a, w, n) -> {
            for (int i = 0; i < n; i++) {
                assertEquals(8 * w[i], a[i]);
                words.add(w[i]);
            }
        });
        assertEquals(200_000, words.size());
        for (int i = 0; i < words.size(); i++) {
            assertEquals(i, words.get(i));
        }
    }

    @Test
    void aScanFailureReachesTheCaller() {
        int[] seen = {0};
        CoreAccessException e = assertThrows(CoreAccessException.class,
                () -> ScanPipe.findPointers(scanner(200, 50), new long[] {0, 1}, (a, w, n) -> seen[0] += n));
        assertEquals("core x: scan failed at batch 50", e.getMessage());
        assertEquals(50_000, seen[0], "the batches before the failure were handled");
    }

    @Test
    void aFailureOfTheSinkStopsTheScan() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ScanPipe.findPointers(scanner(100_000, -1), new long[] {0, 1}, (a, w, n) -> {
                    if (w[0] == 5000) {
                        throw new IllegalStateException("sink failed");
                    }
                }));
        assertEquals("sink failed", e.getMessage());
    }
}

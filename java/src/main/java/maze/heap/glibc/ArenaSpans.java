package maze.heap.glibc;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the arenas' chunks lie (each range from its first chunk up to top or its fenceposts), to
 * tell whether a free-list link stays among an arena's chunks. A binary search: a process may have
 * thousands of heaps and free lists are long.
 */
final class ArenaSpans {
    private final long[] starts;
    private final long[] stops;
    private final long[] arenas;

    private ArenaSpans(List<ChunkRange> ranges) {
        int n = ranges.size();
        starts = new long[n];
        stops = new long[n];
        arenas = new long[n];
        for (int i = 0; i < n; i++) {
            starts[i] = ranges.get(i).start();
            stops[i] = ranges.get(i).stop();
            arenas[i] = ranges.get(i).arena();
        }
    }

    static ArenaSpans of(List<Arena> arenas) {
        List<ChunkRange> all = new ArrayList<>();
        arenas.forEach(a -> all.addAll(a.ranges()));
        all.sort((x, y) -> Long.compareUnsigned(x.start(), y.start()));
        return new ArenaSpans(all);
    }

    /** The arena whose chunks hold a chunk of {@code size} bytes at {@code chunk}, or 0 when none does. */
    long arenaOf(long chunk, long size) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(starts[mid], chunk) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi >= 0 && Long.compareUnsigned(chunk + size, stops[hi]) <= 0 ? arenas[hi] : 0;
    }
}

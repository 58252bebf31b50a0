package maze.heap.glibc;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The mmapped chunks found by their headers, checked against glibc's own counters (mp_.n_mmaps,
 * mp_.mmapped_mem). A header is only a guess where no list holds the chunk: one lying inside a
 * larger mapping (not bounded on both sides by a mapping edge or another chunk) may be bytes of
 * something else, such as a JVM reservation. When the counters match exactly once those are left
 * out, they are left out and named; otherwise everything is kept and the suspects are named.
 */
final class MmapCounters {
    private static final int SHOWN = 8;

    /** A chunk found by its header: its range, the bytes of its mapping, and whether the mapping is its own. */
    record Found(ChunkRange range, long mappingBytes, boolean ownMapping) {
    }

    private MmapCounters() {
    }

    /** The chunks to report; a warning when the found ones and mp_ disagree. n or bytes is -1 when unreadable. */
    static List<Found> reconcile(GlibcMemory m, List<Found> found, long n, long bytes) {
        if (found.size() == n && total(found) == bytes) {
            return found;
        }
        List<Found> own = found.stream().filter(Found::ownMapping).toList();
        List<Found> suspect = found.stream().filter(f -> !f.ownMapping()).toList();
        if (!suspect.isEmpty() && own.size() == n && total(own) == bytes) {
            m.warnings().add("%d mmapped chunk headers inside larger mappings (%d bytes at %s) are not counted by mp_;"
                    + " left out", suspect.size(), total(suspect), addresses(suspect));
            return own;
        }
        m.warnings().add("found %d mmapped chunks of %d bytes but mp_ says %d chunks of %d bytes%s",
                found.size(), total(found), n, bytes,
                suspect.isEmpty() ? "" : "; suspect (inside larger mappings): " + addresses(suspect));
        return found;
    }

    private static long total(List<Found> found) {
        return found.stream().mapToLong(Found::mappingBytes).sum();
    }

    private static String addresses(List<Found> found) {
        String shown = found.stream().limit(SHOWN).map(f -> String.format("0x%x", f.range().start() + 16))
                .collect(Collectors.joining(", "));
        return found.size() > SHOWN ? shown + ", ..." : shown;
    }
}

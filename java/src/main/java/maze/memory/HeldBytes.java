package maze.memory;

import maze.core.Segment;

/** How much of a segment the core file really holds: a truncated core holds less than it says. */
public final class HeldBytes {
    private HeldBytes() {
    }

    /** Bytes of {@code s} present in a core file of {@code fileSize} bytes, from its vaddr on. */
    public static long of(Segment s, long fileSize) {
        long room = fileSize - s.fileOffset();
        if (s.fileSize() <= 0 || room <= 0) {
            return 0;
        }
        return Math.min(s.fileSize(), room);
    }

    /** True when the segment says it has more bytes in the file than the file holds. */
    public static boolean truncated(Segment s, long fileSize) {
        return of(s, fileSize) < Math.max(0, s.fileSize());
    }
}

package maze.heap.glibc;

import maze.heap.LongArrays;

/**
 * One singly linked list of free chunks (a fastbin or a tcache bin), walked bounded and
 * cycle-checked. Every chunk on it must be one the list can hold: aligned, in the core, among the
 * chunks of the right arena, and of the bin's size. The first chunk that is not ends the walk with
 * a warning: its successors would be guesses.
 */
final class FreeList {
    /** What {@link #walk} returns when the list was cut short by a bad link (a warning says why). */
    static final long CUT = -1;

    private final GlibcMemory m;
    private final ArenaSpans spans;
    private final LongArrays chunks;

    FreeList(GlibcMemory m, ArenaSpans spans, LongArrays chunks) {
        this.m = m;
        this.spans = spans;
        this.chunks = chunks;
    }

    /**
     * Adds the list's chunks from {@code chunk} on. The link lives at chunk + 16 and points
     * {@code targetOffset} bytes into the next chunk (0: header, 16: user data). Every chunk must
     * have chunk size {@code size} and lie in {@code arena} (any arena when 0). Returns the length,
     * or {@link #CUT}.
     */
    long walk(long chunk, long targetOffset, long size, long arena, long limit, String what) {
        long tortoise = chunk;
        long power = 1;
        long lam = 0;
        long n = 0;
        for (; chunk != 0; n++) {
            String wrong = wrong(chunk, size, arena, n, limit);
            if (wrong != null) {
                m.warnings().add("%s: link to 0x%x after %d chunks %s; rest of the list ignored, its chunks may show as live",
                        what, chunk, n, wrong);
                return CUT;
            }
            chunks.add(chunk);
            long link = chunk + 16;
            long next = m.revealLink(link, m.word(link));
            chunk = next == 0 ? 0 : next - targetOffset;
            if (chunk == tortoise) {
                m.warnings().add("%s: the list loops back to 0x%x; walk stopped", what, chunk);
                return CUT;
            }
            if (++lam == power) { // Brent: move the tortoise at powers of two
                tortoise = chunk;
                power <<= 1;
                lam = 0;
            }
        }
        return n;
    }

    private String wrong(long chunk, long size, long arena, long n, long limit) {
        if ((chunk & 15) != 0 || !m.memory().isAvailable(chunk, 32)) {
            return "is not a chunk in the core";
        }
        if (n >= limit) {
            return "goes past the longest list the arena can hold";
        }
        long in = spans.arenaOf(chunk, size);
        if (in == 0 || (arena != 0 && in != arena)) {
            return "leaves the arena's chunks";
        }
        long actual = GlibcMemory.chunkSize(m.word(chunk + 8));
        return actual == size ? null : String.format("has chunk size 0x%x, not the bin's 0x%x", actual, size);
    }
}

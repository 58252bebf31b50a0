package maze.heap.mimalloc.segments;

import maze.heap.mimalloc.Page;
import java.util.function.Consumer;

/**
 * What the segment finder and emitter need from a generation with segments (1.x: 4 MiB, 2.x:
 * 32 MiB): their alignment, the header check, how far one spans, the abandoned link, its pages.
 */
interface SegmentShape {
    /** Segment alignment and normal size, a power of two. */
    long alignment();

    /** A valid header at {@code seg}; {@code listed}: reached through metadata, so an empty one counts. */
    boolean valid(long seg, boolean listed);

    /** Bytes the segment spans (huge segments exceed the alignment). */
    long span(long seg);

    long abandonedNext(long seg);

    long threadId(long seg);

    /** One block bigger than a normal page can hold: its own OS allocation. */
    boolean huge(long seg);

    /** Calls {@code action} for each in-use page in address order; returns how many entries looked wrong. */
    int pages(long seg, Consumer<Page> action);
}

package maze.heap.tcmalloc;

import maze.heap.Warnings;

/**
 * The consistency checks after the walk: every span's free list ended cleanly, every size class
 * was one the size map knows, every cached free object fell inside a span of its class, the
 * spans in use add up to what the page heap's stats count in use (exact on every sound core), and
 * each span's refcount agreed with its free list (a cross-check: a thread stopped mid-update can
 * break it, a wrong layout breaks it everywhere).
 */
final class TcChecks {
    private TcChecks() {
    }

    /** {@code heapInUse}: what the page heap's stats count in use (system - free - unmapped bytes). */
    static void afterWalk(Warnings w, SpanObjects spans, long cacheFree, long heapInUse) {
        if (spans.spanBytesInUse != heapInUse) {
            w.add("tcmalloc: the page map's spans in use hold %d bytes, the page heap's stats count %d: spans may be"
                    + " missing or damaged", spans.spanBytesInUse, heapInUse);
        }
        if (spans.badSpanLists > 0) {
            w.add("tcmalloc: %d span free lists leave their span or loop: objects after the break are listed as live",
                    spans.badSpanLists);
        }
        if (spans.badClasses > 0) {
            w.add("tcmalloc: %d spans in use have a size class the size map does not know: their objects are not listed",
                    spans.badClasses);
        }
        long stray = cacheFree - spans.cacheFreeUsed;
        if (stray > 0) {
            w.add("tcmalloc: %d objects on cache free lists lie in no span of their size: some free objects may be"
                    + " listed as live", stray);
        }
        if (spans.refcountMismatches > 0) {
            w.add("tcmalloc: %d of %d spans in use disagree with their refcount (free list or counter damaged)",
                    spans.refcountMismatches, spans.spansInUse);
        }
    }
}

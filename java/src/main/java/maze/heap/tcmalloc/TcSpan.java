package maze.heap.tcmalloc;

/** One Span as read from the core: pages [start, start + length), its free list and its class. */
record TcSpan(long address, long start, long length, long objects, int refcount, int sizeClass, int location) {
    /** Span::location of a span handed out (to the user or to a central free list). */
    static final int IN_USE = 0;

    boolean inUse() {
        return location == IN_USE;
    }

    long base(int pageShift) {
        return start << pageShift;
    }

    long bytes(int pageShift) {
        return length << pageShift;
    }
}

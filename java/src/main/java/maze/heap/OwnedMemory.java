package maze.heap;

import java.util.List;

/**
 * The memory one allocator holds, for the whole-process accounting: the ranges it owns (a glibc
 * arena's heaps, its mmapped blocks, a segment), the ranges it reserved but does not count as its
 * own (the unused part of a glibc heap's 64 MiB reservation), and, when the walker can tell,
 * where its own free memory is ({@code space}, null when not split).
 */
public record OwnedMemory(List<Range> owned, List<Range> reserved, MallocSpace space) {

    /** [start, end) of the address space, and what it is ("glibc arena 0x7f.. heap"). */
    public record Range(long start, long end, String what) {
        public long bytes() {
            return end - start;
        }
    }

    public OwnedMemory {
        owned = List.copyOf(owned);
        reserved = List.copyOf(reserved);
    }
}

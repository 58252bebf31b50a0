package maze.report;

import java.util.List;
import maze.heap.MallocSpace;

/**
 * The whole process at a glance: every byte the core's PT_LOAD segments span (the sum of their
 * p_memsz, {@code mappedBytes}) in exactly one category, so the categories add up to it; the
 * biggest mappings of the anonymous memory no allocator owns, with what they are where known;
 * notes on what could not be split; and each walked allocator's own free memory.
 */
public record MemoryAccounting(long mappedBytes, int segments, List<Category> categories, List<Mapping> biggestOther,
                               List<String> notes, List<Space> mallocSpaces) {
    public static final String MALLOC_LIVE = "malloc_live";
    public static final String MALLOC_FREE = "malloc_free_and_overhead";
    public static final String OTHER_ANONYMOUS = "other_anonymous";
    public static final String THREAD_STACKS = "thread_stacks";
    public static final String FILE_BACKED = "file_backed";

    /** One category: its JSON key, its label for people, its bytes, and how many mappings or threads. */
    public record Category(String key, String label, long bytes) {
    }

    /** The part of one segment [start, end) in other anonymous memory ({@code bytes}), and what it is. */
    public record Mapping(long start, long end, long bytes, String what) {
    }

    /** One walked allocator's own free memory. */
    public record Space(String allocator, MallocSpace space) {
    }

    public MemoryAccounting {
        categories = List.copyOf(categories);
        biggestOther = List.copyOf(biggestOther);
        notes = List.copyOf(notes);
        mallocSpaces = List.copyOf(mallocSpaces);
    }

    public long bytes(String key) {
        return categories.stream().filter(c -> c.key().equals(key)).mapToLong(Category::bytes).sum();
    }
}

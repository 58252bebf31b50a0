package maze.classify;

/**
 * A name for a block without a vtable, from its shape and who points at it (libstdc++ layouts).
 * The name never hides the size: a block keeps its usable size beside its pattern in its type key.
 */
public enum ContainerPattern {
    VECTOR_BODY("std::vector body"),
    LONG_STRING("std::string long buffer"),
    TREE_NODE("std::map/set node"),
    LIST_NODE("std::list node"),
    HASH_BUCKETS("std::unordered_map/set buckets"),
    HASH_NODE("std::unordered_map/set node"),
    DEQUE_MAP("std::deque map"),
    DEQUE_BUFFER("std::deque buffer");

    private static final ContainerPattern[] ALL = values();

    public final String label;

    ContainerPattern(String label) {
        this.label = label;
    }

    /** The pattern with {@code ordinal()} {@code ordinal}. */
    public static ContainerPattern of(int ordinal) {
        return ALL[ordinal];
    }
}

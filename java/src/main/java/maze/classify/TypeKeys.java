package maze.classify;

/**
 * A block's type as one {@code long}, so aggregation and filters never touch strings per block.
 * A key {@code >= 0} is {@code malloc(N)} with N = the key (the usable size); a negative key is the
 * C++ class with id {@code -1 - key} in {@link TypeNames}. Sizes are never negative, so the two
 * ranges cannot collide and no size needs interning. A block named by a {@link ContainerPattern}
 * keeps its size in the low 48 bits and has the pattern's ordinal + 1 above them, so aggregation
 * stays by size within a pattern.
 */
public final class TypeKeys {
    private TypeKeys() {
    }

    public static long ofSize(long usableSize) {
        if (usableSize < 0) {
            throw new IllegalArgumentException("negative size " + usableSize);
        }
        return usableSize;
    }

    public static long ofClass(int classId) {
        if (classId < 0) {
            throw new IllegalArgumentException("negative class id " + classId);
        }
        return -1L - classId;
    }

    private static final int PATTERN_SHIFT = 48;
    private static final long SIZE_MASK = (1L << PATTERN_SHIFT) - 1;

    /** {@code pattern} with the block's usable size (below 2^48: no address space is larger). */
    public static long ofPattern(ContainerPattern pattern, long usableSize) {
        if (usableSize < 0 || usableSize > SIZE_MASK) {
            throw new IllegalArgumentException("size out of range " + usableSize);
        }
        return ((long) (pattern.ordinal() + 1) << PATTERN_SHIFT) | usableSize;
    }

    public static boolean isPattern(long key) {
        return key > SIZE_MASK;
    }

    public static ContainerPattern patternOf(long key) {
        return ContainerPattern.of((int) (key >>> PATTERN_SHIFT) - 1);
    }

    /** The usable size a size or pattern key holds. */
    public static long sizeOf(long key) {
        return key & SIZE_MASK;
    }

    public static boolean isClass(long key) {
        return key < 0;
    }

    public static int classId(long key) {
        return (int) (-1L - key);
    }
}

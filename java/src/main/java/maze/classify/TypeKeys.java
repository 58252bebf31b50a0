package maze.classify;

/**
 * A block's type as one {@code long}, so aggregation and filters never touch strings per block.
 * A key {@code >= 0} is {@code malloc(N)} with N = the key (the usable size); a negative key is the
 * C++ class with id {@code -1 - key} in {@link TypeNames}. Sizes are never negative, so the two
 * ranges cannot collide and no size needs interning.
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

    public static boolean isClass(long key) {
        return key < 0;
    }

    public static int classId(long key) {
        return (int) (-1L - key);
    }
}

package maze.report;

/**
 * Which blocks a listing writes: {@code type} is an exact type string ("C++ foo::Bar",
 * "malloc(72)") or null for all; {@code minSize} the smallest usable size written (0: all).
 */
public record ListingFilter(String type, long minSize) {
    public static final ListingFilter ALL = new ListingFilter(null, 0);

    public ListingFilter {
        if (minSize < 0) {
            throw new IllegalArgumentException("negative --min-size " + minSize);
        }
    }
}

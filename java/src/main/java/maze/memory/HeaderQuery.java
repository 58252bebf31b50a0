package maze.memory;

/**
 * What {@link CoreScanner#findHeaders} looks for: addresses that are multiples of {@code stride}
 * whose 64-bit word at {@code fieldOffset} satisfies every test that is switched on:
 * {@code (word & mask) == value} and/or {@code lo <= word <= hi} (unsigned, inclusive). The field
 * follows its address ({@code fieldOffset >= 0}) so a scan resumed at an address still sees it.
 */
public record HeaderQuery(long stride, long fieldOffset, boolean masked, long mask, long value,
                          boolean ranged, long lo, long hi) {

    public HeaderQuery {
        if (stride <= 0) {
            throw new IllegalArgumentException("stride must be positive: " + stride);
        }
        if (fieldOffset < 0) {
            throw new IllegalArgumentException("a header field must follow its address: " + fieldOffset);
        }
        if (!masked && !ranged) {
            throw new IllegalArgumentException("a header query needs a mask or a range test");
        }
    }

    /** The word at {@code fieldOffset} has {@code value} in the bits of {@code mask}. */
    public static HeaderQuery masked(long stride, long fieldOffset, long mask, long value) {
        return new HeaderQuery(stride, fieldOffset, true, mask, value, false, 0, 0);
    }

    /** The word at {@code fieldOffset} lies in [lo, hi], unsigned. */
    public static HeaderQuery between(long stride, long fieldOffset, long lo, long hi) {
        return new HeaderQuery(stride, fieldOffset, false, 0, 0, true, lo, hi);
    }

    /** This query with a range test added. */
    public HeaderQuery andBetween(long newLo, long newHi) {
        return new HeaderQuery(stride, fieldOffset, masked, mask, value, true, newLo, newHi);
    }
}

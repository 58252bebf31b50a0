package maze.robust;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rule "a changed listing comes with a warning": a damaged core whose {@code maze blocks}
 * listing (addresses and sizes) differs from the undamaged core's must say so, on stderr, unless
 * the damage is of a kind that no check can see by design (listed here with the reason). Types
 * are not compared: they come from vtable pointers in the program's own data.
 */
final class WarningRule {
    /**
     * Mutation kinds (a mutation's name up to " @") that may change the listing silently, and why.
     * Keep this short: every entry is a promise that no check could tell the damage from a heap
     * the program really made.
     */
    static final Map<String, String> UNDETECTABLE = Map.of(
            "chunk size swallows the next chunk",
            "a live chunk grown over its live neighbour tiles the heap as a real larger allocation does:"
                    + " glibc keeps no per-chunk record besides the size word, and prev_size is user data while"
                    + " the chunk before is in use");

    private static final Pattern WARNING = Pattern.compile("(?i)warning");
    private static final Pattern NO_WARNING = Pattern.compile("(?i)warnings: none|\\b0 warnings");

    private WarningRule() {
    }

    static String kind(Mutation m) {
        int at = m.name().indexOf(" @");
        return at < 0 ? m.name() : m.name().substring(0, at);
    }

    static boolean changed(long[][] clean, long[][] now) {
        return !Arrays.equals(clean[0], now[0]) || !Arrays.equals(clean[1], now[1]);
    }

    /** True when stderr carries at least one warning (a summary line saying there are none does not count). */
    static boolean warned(String stderr) {
        return stderr.lines().anyMatch(l -> WARNING.matcher(l).find() && !NO_WARNING.matcher(l).find());
    }
}

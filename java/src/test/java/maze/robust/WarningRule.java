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
            GlibcTargets.MEMALIGNED_MMAPPED_SIZE,
            "memalign on an mmapped chunk leaves glibc's header at the mapping start, which alone is a plain mmapped"
                    + " chunk of the same mapping: with the inner header gone nothing (no list, no counter: mp_ counts"
                    + " mappings and bytes, both unchanged) says the block started further in",
            GlibcTargets.SWALLOWS,
            "a live chunk grown over its live neighbour tiles the heap as one larger allocation would: glibc keeps"
                    + " no record of a chunk in use besides its size word, the neighbour's PREV_INUSE bit stays set, and"
                    + " prev_size is the program's data while the chunk before is in use",
            GlibcTargets.TCACHE_ZEROED,
            "a thread's tcache pointer is null before its first malloc, and stays null in a thread that only"
                    + " calls memalign (which takes an arena without making a tcache): a zeroed pointer looks the same,"
                    + " and the tcache struct, a chunk like any other, is listed live either way",
            JemallocTargets.SWAPPED,
            "jemalloc's slab bitmap calls a region allocated both while the program holds it and while a thread"
                    + " cache holds it, and writes nothing into a cached region (no link, no junk by default): a cache"
                    + " bin slot that names another live region of the same size class, instead of the freed one,"
                    + " leaves every bitmap, count and stack bound as it was, so the two swap live and free unseen");

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

    /** Where two listings first differ, to tell what a silent change did. */
    static String firstDifference(long[][] clean, long[][] now) {
        int i = 0;
        while (i < clean[0].length && i < now[0].length && clean[0][i] == now[0][i] && clean[1][i] == now[1][i]) {
            i++;
        }
        return String.format("%d rows, clean %d; first difference at row %d: clean %s, now %s", now[0].length,
                clean[0].length, i, row(clean, i), row(now, i));
    }

    private static String row(long[][] rows, int i) {
        return i < rows[0].length ? String.format("0x%x (%d)", rows[0][i], rows[1][i]) : "none";
    }

    /** True when stderr carries at least one warning (a summary line saying there are none does not count). */
    static boolean warned(String stderr) {
        return stderr.lines().anyMatch(l -> WARNING.matcher(l).find() && !NO_WARNING.matcher(l).find());
    }
}

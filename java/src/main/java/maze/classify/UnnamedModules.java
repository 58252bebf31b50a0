package maze.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The read-only data ranges of modules whose symbols are not at hand (file missing, not the one
 * the process ran, or stripped with no debug file): a block whose first word points there is
 * probably an object whose vtable maze cannot name. Counts such blocks per module, so the report
 * can say how many lost their type and why. Used by one thread at a time.
 */
public final class UnnamedModules {
    /** One range of a module maze cannot read vtable symbols for, and why not. */
    public record Range(long start, long end, String module, String why) {
        public Range(long start, long end, String module) {
            this(start, end, module, "its symbols are not at hand");
        }
    }

    private final long[] starts;
    private final long[] ends;
    private final int[] moduleOf;
    private final List<Range> modules = new ArrayList<>();
    private final long[] counts;

    public UnnamedModules(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(Range::start));
        starts = new long[sorted.size()];
        ends = new long[sorted.size()];
        moduleOf = new int[sorted.size()];
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Range r = sorted.get(i);
            starts[i] = r.start();
            ends[i] = r.end();
            int m = paths.indexOf(r.module());
            if (m < 0) {
                m = paths.size();
                paths.add(r.module());
                modules.add(r);
            }
            moduleOf[i] = m;
        }
        counts = new long[modules.size()];
    }

    public boolean any() {
        return starts.length > 0;
    }

    /** Counts {@code word} when it points into one of the ranges. */
    void count(long word) {
        int i = Arrays.binarySearch(starts, word);
        i = i >= 0 ? i : -i - 2;
        if (i >= 0 && word < ends[i]) {
            counts[moduleOf[i]]++;
        }
    }

    /** How many blocks pointed into {@code module}'s ranges so far. */
    public long count(String module) {
        for (int m = 0; m < modules.size(); m++) {
            if (modules.get(m).module().equals(module)) {
                return counts[m];
            }
        }
        return 0;
    }

    /** One warning per module whose missing symbols cost blocks their type, with the count and why. */
    public List<String> warnings() {
        List<String> list = new ArrayList<>();
        for (int m = 0; m < counts.length; m++) {
            if (counts[m] > 0) {
                list.add(String.format("%d blocks start with a pointer into %s, probably a vtable, but their C++ types"
                        + " are not named (listed as malloc(N)): %s", counts[m], modules.get(m).module(),
                        modules.get(m).why()));
            }
        }
        return list;
    }
}

package maze.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The read-only address ranges of modules whose symbols are not at hand (file missing, or not the
 * one the process ran): a block whose first word points there is probably an object whose vtable
 * maze cannot name. Counts such blocks per module, so the report can say how many lost their type.
 * Used by one thread at a time.
 */
public final class UnnamedModules {
    /** One range of a module maze cannot read symbols from. */
    public record Range(long start, long end, String module) {
    }

    private final long[] starts;
    private final long[] ends;
    private final int[] moduleOf;
    private final List<String> modules = new ArrayList<>();
    private final long[] counts;

    public UnnamedModules(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(Range::start));
        starts = new long[sorted.size()];
        ends = new long[sorted.size()];
        moduleOf = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Range r = sorted.get(i);
            starts[i] = r.start();
            ends[i] = r.end();
            int m = modules.indexOf(r.module());
            if (m < 0) {
                m = modules.size();
                modules.add(r.module());
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

    /** Module path and how many blocks pointed into it, for each module that had any. */
    public void forEachCounted(java.util.function.ObjLongConsumer<String> action) {
        for (int m = 0; m < counts.length; m++) {
            if (counts[m] > 0) {
                action.accept(modules.get(m), counts[m]);
            }
        }
    }
}

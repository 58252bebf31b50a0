package maze.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * Checks listed sizes against what malloc_usable_size would say: for every live truth block the
 * listing has at its start, made by malloc, calloc, new or new[] (no alignment, no realloc), the
 * listed size must be the allocator's size class of the requested bytes, as {@code sizeClass}
 * (the test's own model of the allocator) computes it.
 */
public final class UsableSizes {
    private static final int SAMPLES = 5;

    private UsableSizes() {
    }

    /** Empty when every such block has its size class; else the count and samples. */
    public static List<String> mismatches(GroundTruth t, BlockListing l, LongUnaryOperator sizeClass) {
        List<String> out = new ArrayList<>();
        long checked = 0;
        long wrong = 0;
        for (int i = 0; i < t.count; i++) {
            int row = l.rowAtOrBelow(t.start[i]);
            if (!t.live[i] || !plain(t.kind[i]) || row < 0 || l.address[row] != t.start[i]) {
                continue;
            }
            checked++;
            long want = sizeClass.applyAsLong(t.size[i]);
            if (l.size[row] != want && wrong++ < SAMPLES) {
                out.add(String.format("0x%x: %d bytes requested, listed %d, usable size %d",
                        t.start[i], t.size[i], l.size[row], want));
            }
        }
        if (checked == 0) {
            out.add("no plain live block was listed at its start: nothing to check");
        } else if (wrong > 0) {
            out.add(0, wrong + " of " + checked + " blocks listed with a size other than their usable size");
        }
        return out;
    }

    /**
     * Freed truth blocks whose start the listing has live, split in two: {@code [0]} listed with
     * the size class of what the fixture freed there (the allocator's own block, wrongly live), and
     * {@code [1]} listed with another size (the address was reused by an allocation the fixture did
     * not make: the allocator's own metadata, say).
     */
    public static long[] freedStartsListed(GroundTruth t, BlockListing l, LongUnaryOperator sizeClass) {
        long[] out = new long[2];
        for (int i = 0; i < t.count; i++) {
            int row = l.rowAtOrBelow(t.start[i]);
            if (!t.live[i] && row >= 0 && l.address[row] == t.start[i]) {
                out[l.size[row] == sizeClass.applyAsLong(t.size[i]) ? 0 : 1]++;
            }
        }
        return out;
    }

    private static boolean plain(int kind) {
        GroundTruth.Kind k = GroundTruth.Kind.values()[kind];
        return k == GroundTruth.Kind.MALLOC || k == GroundTruth.Kind.CALLOC || k == GroundTruth.Kind.NEW
                || k == GroundTruth.Kind.NEW_ARRAY;
    }
}

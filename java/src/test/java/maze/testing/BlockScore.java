package maze.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Scores a block listing against a fixture's ground truth, per block kind and requested-size
 * bucket (powers of two).
 *
 * <ul>
 *   <li>found: a live truth block whose allocation start is a listed block's address and whose
 *       requested bytes fit in that block's usable size;
 *   <li>misplaced: a live truth block that lies inside a listed block but is not found (the
 *       listing has the chunk boundaries wrong);
 *   <li>missed: a live truth block in no listed block;
 *   <li>false-live: a freed truth block (not live again) whose start is a listed block's address.
 * </ul>
 * Recall is found / live. C++ type counts compare live truth objects that start with their own
 * class's vtable against the listing's {@code C++ X} rows.
 */
public final class BlockScore {
    static final int BUCKETS = 65;
    static final int SAMPLES = 10;

    // per (kind, bucket): live, found, misplaced, freed, false-live
    private final long[][] counts = new long[5][GroundTruth.Kind.values().length * BUCKETS];
    private final List<String> missedSamples = new ArrayList<>();
    private final List<String> misplacedSamples = new ArrayList<>();
    private final List<String> falseLiveSamples = new ArrayList<>();
    private final Map<String, long[]> typeCounts = new TreeMap<>();
    private final String scenario;

    private static final int LIVE = 0;
    private static final int FOUND = 1;
    private static final int MISPLACED = 2;
    private static final int FREED = 3;
    private static final int FALSE_LIVE = 4;

    private BlockScore(String scenario) {
        this.scenario = scenario;
    }

    public static BlockScore score(GroundTruth t, BlockListing l) {
        BlockScore s = new BlockScore(t.scenario);
        for (int i = 0; i < t.count; i++) {
            int cell = t.kind[i] * BUCKETS + bucket(t.size[i]);
            int row = l.rowAtOrBelow(t.start[i]);
            if (t.live[i]) {
                s.scoreLive(t, l, i, row, cell);
            } else {
                s.counts[FREED][cell]++;
                if (row >= 0 && l.address[row] == t.start[i]) {
                    s.counts[FALSE_LIVE][cell]++;
                    sample(s.falseLiveSamples, describe(t, i) + " listed live, " + l.size[row] + " bytes");
                }
            }
        }
        s.compareTypes(t, l);
        return s;
    }

    private void scoreLive(GroundTruth t, BlockListing l, int i, int row, int cell) {
        counts[LIVE][cell]++;
        long start = t.start[i];
        boolean atStart = row >= 0 && l.address[row] == start;
        if (atStart && Long.compareUnsigned(t.size[i], l.size[row]) <= 0) {
            counts[FOUND][cell]++;
        } else if (row >= 0 && Long.compareUnsigned(start - l.address[row], l.size[row]) < 0) {
            counts[MISPLACED][cell]++;
            sample(misplacedSamples, describe(t, i) + String.format(" lies in listed block 0x%x (%d bytes)",
                    l.address[row], l.size[row]));
        } else {
            sample(missedSamples, describe(t, i));
        }
    }

    private void compareTypes(GroundTruth t, BlockListing l) {
        for (int i = 0; i < t.count; i++) {
            if (t.live[i] && t.vtable[i]) {
                typeCounts.computeIfAbsent(t.typeNames.get(t.type[i]), k -> new long[2])[0]++;
            }
        }
        typeCounts.forEach((name, c) -> c[1] = l.cxxCount(name));
    }

    static int bucket(long size) {
        return size <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(size - 1);
    }

    static String bucketLabel(int b) {
        return b == 0 ? "<=1" : "(" + (1L << (b - 1)) + "," + (1L << b) + "]";
    }

    private static String describe(GroundTruth t, int i) {
        String type = t.typeNames.get(t.type[i]);
        String start = t.start[i] == t.ptr[i] ? "" : String.format(" (allocation at 0x%x)", t.start[i]);
        return String.format("0x%x%s %s(%d)%s", t.ptr[i], start, GroundTruth.Kind.values()[t.kind[i]].label,
                t.size[i], type.isEmpty() ? "" : " " + type);
    }

    private static void sample(List<String> list, String what) {
        if (list.size() < SAMPLES) {
            list.add(what);
        }
    }

    private long total(int what) {
        long n = 0;
        for (long c : counts[what]) {
            n += c;
        }
        return n;
    }

    public long live() {
        return total(LIVE);
    }

    public long found() {
        return total(FOUND);
    }

    public long misplaced() {
        return total(MISPLACED);
    }

    public long freed() {
        return total(FREED);
    }

    public long falseLive() {
        return total(FALSE_LIVE);
    }

    /** found / live; 1 when nothing is live. */
    public double recall() {
        return live() == 0 ? 1 : (double) found() / live();
    }

    /** false-live / freed; 0 when nothing was freed. */
    public double falseLiveRate() {
        return freed() == 0 ? 0 : (double) falseLive() / freed();
    }

    /** Truth and listing counts per C++ class: {truth, listing}. */
    public Map<String, long[]> typeCounts() {
        return typeCounts;
    }

    /**
     * What fails the requirement: every live block found (each kind and size), false-live at most
     * maxFalseLiveRate, C++ type counts equal. Empty when it passes.
     */
    public List<String> failures(double maxFalseLiveRate) {
        List<String> f = new ArrayList<>();
        if (found() < live()) {
            f.add(String.format("recall %.4f%%: %d of %d live blocks not found (%d misplaced)",
                    100 * recall(), live() - found(), live(), misplaced()));
        }
        if (falseLiveRate() > maxFalseLiveRate) {
            f.add(String.format("false-live %.4f%% > %.4f%%: %d of %d freed blocks listed live",
                    100 * falseLiveRate(), 100 * maxFalseLiveRate, falseLive(), freed()));
        }
        typeCounts.forEach((name, c) -> {
            if (c[0] != c[1]) {
                f.add(String.format("C++ %s: %d live objects in the truth, %d listed", name, c[0], c[1]));
            }
        });
        return f;
    }

    public void assertPasses(double maxFalseLiveRate) {
        List<String> f = failures(maxFalseLiveRate);
        if (!f.isEmpty()) {
            throw new AssertionError(report(f));
        }
    }

    /** The failures, the worst buckets and sample pointers, for a failure message. */
    public String report(List<String> failures) {
        StringBuilder sb = new StringBuilder("block score of scenario " + scenario + ": " + summary());
        failures.forEach(x -> sb.append("\n  ").append(x));
        sb.append("\nworst buckets (kind, requested size):");
        worstCells().forEach(c -> sb.append("\n  ").append(cellLine(c)));
        appendSamples(sb, "missed", missedSamples);
        appendSamples(sb, "misplaced", misplacedSamples);
        appendSamples(sb, "false-live", falseLiveSamples);
        return sb.toString();
    }

    public String summary() {
        return String.format("recall %.4f%% (%d/%d live), misplaced %d, false-live %.4f%% (%d/%d freed)",
                100 * recall(), found(), live(), misplaced(), 100 * falseLiveRate(), falseLive(), freed());
    }

    private List<Integer> worstCells() {
        Comparator<Integer> bad = Comparator.comparingLong(
                c -> -(counts[LIVE][c] - counts[FOUND][c]) * 1_000_000 - counts[FALSE_LIVE][c]);
        return IntStream.range(0, counts[LIVE].length).boxed()
                .filter(c -> counts[LIVE][c] > counts[FOUND][c] || counts[FALSE_LIVE][c] > 0)
                .sorted(bad).limit(8).toList();
    }

    private String cellLine(int c) {
        return String.format("%s %s: %d/%d found, %d misplaced, %d/%d freed listed live",
                GroundTruth.Kind.values()[c / BUCKETS].label, bucketLabel(c % BUCKETS), counts[FOUND][c],
                counts[LIVE][c], counts[MISPLACED][c], counts[FALSE_LIVE][c], counts[FREED][c]);
    }

    private static void appendSamples(StringBuilder sb, String what, List<String> samples) {
        if (!samples.isEmpty()) {
            sb.append("\n").append(what).append(" (first ").append(samples.size()).append("):");
            samples.forEach(s -> sb.append("\n  ").append(s));
        }
    }
}

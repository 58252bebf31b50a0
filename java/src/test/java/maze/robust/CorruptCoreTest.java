package maze.robust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import maze.testing.MimallocBuilds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Safe on cores of untrusted programs": small real cores (heap_truth single and kinds on glibc,
 * single on Debian's mimalloc 2.0.9 and 3.0.1 and jemalloc 5.3.0) damaged in allocator metadata, at random words and
 * by truncation, each analyzed with {@code maze blocks} under a time limit. A run must end with
 * exit 0 and a listing in address order without overlaps, or exit 3/4/6 with a one-line message;
 * never a hang, an internal error or an escaping Throwable. The seed is fixed; only addresses
 * differ between runs (ASLR), not which structures are hit. {@code -Dmaze.robust.count=N} runs
 * N mutations per core, {@code -Dmaze.robust.rounds=R} picks R rounds of targets (for a longer hunt).
 */
@Tag("robustness")
class CorruptCoreTest {
    private static final long SEED = Long.getLong("maze.robust.seed", 20261126L);
    private static final int PER_CORE = Integer.getInteger("maze.robust.count", 40);
    /** Rounds of target picking (each aims at other blocks and values); more for a longer hunt. */
    private static final int ROUNDS = Integer.getInteger("maze.robust.rounds", 1);
    private static final String ONLY = System.getProperty("maze.robust.only", "");
    private static final Duration LIMIT = Duration.ofSeconds(Integer.getInteger("maze.robust.limit", 20));

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> damagedCores() {
        return Stream.of(
                DynamicTest.dynamicTest("glibc single", () -> run(CleanCore.capture("glibc-single", "single", null, dir), false, 0)),
                DynamicTest.dynamicTest("glibc kinds", () -> run(CleanCore.capture("glibc-kinds", "kinds", null, dir), false, 0)),
                DynamicTest.dynamicTest("mimalloc 2.0.9 single", () -> run(mimalloc("debian-2.0.9"), true, 2)),
                DynamicTest.dynamicTest("mimalloc 3.0.1 single", () -> run(mimalloc("debian-3.0.1"), true, 3)),
                DynamicTest.dynamicTest("jemalloc 5.3.0 single", () -> run(jemalloc(), false, 5)));
    }

    private static CleanCore mimalloc(String build) throws IOException, InterruptedException {
        return CleanCore.capture(build, "single", MimallocBuilds.named(build).path(), dir);
    }

    /** Debian's stripped jemalloc, as tests/provision/jemalloc.sh indexes it. */
    private static CleanCore jemalloc() throws IOException, InterruptedException {
        MimallocBuilds.Build b = MimallocBuilds.index("jemalloc-index.tsv", "tests/provision/jemalloc.sh").stream()
                .filter(x -> x.name().equals("debian-5.3.0")).findFirst().orElseThrow();
        return CleanCore.capture("jemalloc-5.3.0", "single", b.path(), dir);
    }

    private static void run(CleanCore taken, boolean mimalloc, int major) throws IOException, InterruptedException {
        try (CoreImage core = taken.core()) {
            CleanCore c = clean(taken);
            Random rnd = new Random(SEED);
            List<Mutation> some = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                some.addAll(major == 2 ? MimallocTargets.v2(c, rnd) : major == 3 ? MimallocTargets.v3(c, rnd)
                        : major == 5 ? JemallocTargets.of(c, rnd) : GlibcTargets.of(c, rnd));
                some.addAll(CommonTargets.words(c, rnd, 4));
                some.addAll(CommonTargets.headers(c, rnd, 12));
            }
            Collections.shuffle(some, rnd);
            List<Mutation> chosen = new ArrayList<>(some.subList(0, Math.min(PER_CORE, some.size())));
            chosen.addAll(CommonTargets.cuts(c));
            chosen.removeIf(m -> !m.name().contains(ONLY)); // to rerun one failure
            List<String> failures = new ArrayList<>();
            java.util.Map<String, Integer> tally = new java.util.TreeMap<>();
            for (Mutation m : chosen) {
                Runnable undo = m.apply(core);
                try {
                    GuardedRun.Outcome o = GuardedRun.blocks(core.path(), dir.resolve(c.name() + ".jsonl"), LIMIT);
                    tally.merge("exit " + o.exit() + (o.exit() == 0 && !o.stderr().isBlank() ? " with warnings" : ""), 1, Integer::sum);
                    String why = Verdict.of(o, dir.resolve(c.name() + ".jsonl"));
                    if (why != null) {
                        failures.add(c.name() + ": " + m.name() + ": " + why);
                    }
                } finally {
                    undo.run();
                }
            }
            Files.deleteIfExists(core.path());
            System.out.println(c.name() + ": " + chosen.size() + " damaged cores: " + tally);
            if (!failures.isEmpty()) {
                throw new AssertionError(failures.size() + " of " + chosen.size() + " damaged cores failed:\n"
                        + String.join("\n", failures));
            }
        }
    }

    /** The undamaged core must list cleanly: its listing gives the block addresses to aim at. */
    private static CleanCore clean(CleanCore c) throws IOException, InterruptedException {
        Path listing = dir.resolve(c.name() + "-clean.jsonl");
        GuardedRun.Outcome o = GuardedRun.blocks(c.core().path(), listing, LIMIT.multipliedBy(3));
        long[][] rows = o.exit() == 0 ? GuardedRun.rows(listing, new String[1]) : null;
        String why = Verdict.of(o, listing);
        if (why != null || rows == null || rows[0].length == 0) {
            throw new AssertionError(c.name() + ": the clean core failed: " + why + " " + o.stderr());
        }
        return c.withListing(rows[0], rows[1]);
    }
}

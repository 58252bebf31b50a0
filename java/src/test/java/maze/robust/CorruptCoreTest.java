package maze.robust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import maze.testing.MimallocBuilds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Safe on cores of untrusted programs": small real cores (heap_truth single and kinds on glibc,
 * single on Debian's mimalloc 2.0.9 and 3.0.1, tcmalloc 2.10 and jemalloc 5.3.0) damaged in allocator
 * metadata, at random words and by truncation, each analyzed with {@code maze blocks} under a time
 * limit. A run must end with exit 0 (or 7, partial) and a listing in address order without overlaps,
 * or exit 3/4/6 with a one-line message; never a hang, an internal error or an escaping Throwable.
 * For every allocator, a listing that differs from the clean core's must come with a warning,
 * unless the damage is of a kind {@link WarningRule#UNDETECTABLE} explains. The seed is fixed; only
 * addresses differ between runs (ASLR), not which structures are hit. {@code -Dmaze.robust.count=N} runs
 * N mutations per core, {@code -Dmaze.robust.rounds=R} picks R rounds of targets (for a longer hunt).
 */
@Tag("robustness")
class CorruptCoreTest {
    private static final long SEED = Long.getLong("maze.robust.seed", 20261126L);
    private static final int PER_CORE = Integer.getInteger("maze.robust.count", 40);
    /** Rounds of target picking (each aims at other blocks and values); more for a longer hunt. */
    private static final int ROUNDS = Integer.getInteger("maze.robust.rounds", 1);
    private static final String ONLY = System.getProperty("maze.robust.only", "");
    /** The exit code of a listing that says it is incomplete. */
    private static final int PARTIAL = 7;
    /** Only the cores whose name holds this (e.g. "glibc"). */
    private static final String CORES = System.getProperty("maze.robust.cores", "");
    private static final Duration LIMIT = Duration.ofSeconds(Integer.getInteger("maze.robust.limit", 20));

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> damagedCores() {
        return Stream.of(
                DynamicTest.dynamicTest("glibc single", () -> run(CleanCore.capture("glibc-single", "single", null, dir),
                        GlibcTargets::of)),
                DynamicTest.dynamicTest("glibc kinds", () -> run(CleanCore.capture("glibc-kinds", "kinds", null, dir),
                        GlibcTargets::of)),
                DynamicTest.dynamicTest("mimalloc 2.0.9 single", () -> run(mimalloc("debian-2.0.9"), MimallocTargets::v2)),
                DynamicTest.dynamicTest("mimalloc 3.0.1 single", () -> run(mimalloc("debian-3.0.1"), MimallocTargets::v3)),
                DynamicTest.dynamicTest("tcmalloc 2.10 single", () -> run(TcmallocTargets.capture(dir), TcmallocTargets::of)),
                DynamicTest.dynamicTest("jemalloc 5.3.0 single", () -> run(jemalloc(), JemallocTargets::of)))
                .filter(t -> t.getDisplayName().contains(CORES));
    }

    /** Allocator metadata to damage in one clean core. */
    interface Targets {
        List<Mutation> pick(CleanCore c, Random rnd) throws IOException;
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

    /** A listing that changed must come with a warning, unless the damage is of a kind WarningRule calls undetectable. */
    private static void run(CleanCore taken, Targets targets) throws IOException, InterruptedException {
        try (CoreImage core = taken.core()) {
            CleanCore c = clean(taken);
            List<Mutation> chosen = choose(c, targets);
            List<String> failures = new ArrayList<>();
            List<String> silent = new ArrayList<>();
            Map<String, Integer> tally = new TreeMap<>();
            int changed = 0;
            int undetectable = 0;
            for (Mutation m : chosen) {
                Runnable undo = m.apply(core);
                try {
                    Path listing = dir.resolve(c.name() + ".jsonl");
                    GuardedRun.Outcome o = GuardedRun.blocks(core.path(), listing, LIMIT);
                    boolean warned = WarningRule.warned(o.stderr());
                    boolean listed = o.exit() == 0 || o.exit() == PARTIAL;
                    tally.merge("exit " + o.exit() + (listed && warned ? " with warnings" : ""), 1, Integer::sum);
                    long[][] rows = listed ? GuardedRun.rows(listing, new String[1]) : null;
                    if (rows != null && WarningRule.changed(new long[][] {c.address(), c.size()}, rows)) {
                        changed++;
                        if (!warned && WarningRule.UNDETECTABLE.containsKey(WarningRule.kind(m))) {
                            undetectable++;
                        } else if (!warned) {
                            silent.add(m.name() + ": " + WarningRule.firstDifference(new long[][] {c.address(), c.size()}, rows));
                            failures.add(c.name() + ": " + m.name() + ": listing changed without a warning");
                        }
                    }
                    String why = Verdict.of(o, listing);
                    if (why != null) {
                        failures.add(c.name() + ": " + m.name() + ": " + why);
                    }
                } finally {
                    undo.run();
                }
            }
            Files.deleteIfExists(core.path());
            System.out.println(c.name() + ": " + chosen.size() + " damaged cores: " + tally + "; listing changed: "
                    + changed + ", changed without a warning: " + silent.size() + " (and " + undetectable
                    + " of kinds undetectable by design)"
                    + (silent.isEmpty() ? "" : "\n  silent: " + String.join("\n  silent: ", silent)));
            if (!failures.isEmpty()) {
                throw new AssertionError(failures.size() + " of " + chosen.size() + " damaged cores failed:\n"
                        + String.join("\n", failures));
            }
        }
    }

    private static List<Mutation> choose(CleanCore c, Targets targets) throws IOException {
        Random rnd = new Random(SEED);
        List<Mutation> some = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            some.addAll(targets.pick(c, rnd));
            some.addAll(CommonTargets.words(c, rnd, 4));
            some.addAll(CommonTargets.headers(c, rnd, 12));
        }
        Collections.shuffle(some, rnd);
        List<Mutation> chosen = new ArrayList<>(some.subList(0, Math.min(PER_CORE, some.size())));
        chosen.addAll(CommonTargets.cuts(c));
        chosen.removeIf(m -> !m.name().contains(ONLY)); // to rerun one failure
        return chosen;
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
        if (WarningRule.warned(o.stderr())) { // else every damaged core would count as warned
            throw new AssertionError(c.name() + ": the clean core has warnings: " + o.stderr());
        }
        return c.withListing(rows[0], rows[1]);
    }
}

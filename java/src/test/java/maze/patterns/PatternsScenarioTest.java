package maze.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import maze.cli.ExitCode;
import maze.testing.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * maze blocks/analyze --patterns on a gcore of the patterns fixture (glibc): each truth block is
 * listed under its pattern's name, and each pattern names exactly the truth's blocks, no others.
 */
@Tag("scenario")
class PatternsScenarioTest {
    @TempDir
    static Path dir;
    private static PatternsTruth run;

    @BeforeAll
    static void gcoreTheFixture() throws Exception {
        run = PatternsTruth.take(dir, Map.of());
    }

    @Test
    void everyContainerBlockHasItsPattern() {
        assertEquals(List.of(), run.wronglyNamed(), "container blocks named wrongly");
    }

    @Test
    void eachPatternNamesExactlyTheTruthsBlocks() {
        assertEquals(PatternsTruth.COUNTS, run.expected(), "the fixture's truth");
        assertEquals(run.expected(), run.named(), "blocks per pattern in the listing");
    }

    /** No block but the truth's is named an array ({@code new Gadget[1]}, whose cookie says 1, included). */
    @Test
    void onlyTheTruthsArraysAreNamedArrays() {
        Map<String, Integer> truth = run.expected();
        long arrays = run.listed.values().stream().filter(b -> b[1].matches("C\\+\\+ [^ ]*\\[\\] \\(.*")).count();
        long vectors = run.listed.values().stream().filter(b -> b[1].startsWith("std::vector<")).count();
        long truthArrays = truth.get("gadgetarray") + truth.get("gizmoarray3") + truth.get("gizmoarray5")
                + truth.get("ptrarray");
        assertEquals(truthArrays, arrays, "blocks named T[] or T*[]");
        assertEquals((long) truth.get("ptrvector"), vectors, "blocks named std::vector<T*> body");
    }

    /** The table keeps sizes apart within a pattern: one row per size of the vector bodies. */
    @Test
    void analyzeShowsEachPatternBySize() {
        CliRun r = CliRun.maze("analyze", run.core.toString(), "--patterns", "--top", "0");
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        Map<Long, Integer> bodiesBySize = new TreeMap<>();
        run.truth.forEach((ptr, t) -> {
            if (t[0].equals("vector")) {
                Map.Entry<Long, String[]> b = run.listed.floorEntry(ptr);
                bodiesBySize.merge(Long.parseLong(b.getValue()[0]) - b.getKey(), 1, Integer::sum);
            }
        });
        assertTrue(bodiesBySize.size() >= 2, "the fixture's vectors have several sizes: " + bodiesBySize);
        bodiesBySize.forEach((size, n) -> assertTrue(r.out().matches("(?s).*\\n +\\d+ +" + n + " +" + n * size
                + " +" + size + "  std::vector body \\(malloc\\(" + size + "\\)\\)\\n.*"), size + " x" + n + "\n" + r.out()));
        assertTrue(r.out().contains("Warnings:     none"), r.out());
    }

    @Test
    void withoutPatternsTheBlocksKeepTheirSizeNames() {
        CliRun r = CliRun.maze("analyze", run.core.toString(), "--top", "0");
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        assertTrue(!r.out().contains("std::vector body") && r.out().contains("malloc(296)"), r.out());
    }
}

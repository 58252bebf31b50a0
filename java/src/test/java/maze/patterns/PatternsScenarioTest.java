package maze.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /**
     * --patterns with --retained (the owners found in the graph's scan) names every block as
     * --patterns alone does, and the retained rows have those names: each pattern's blocks counted
     * exactly; the Gadget*[] arrays and Gizmo* vectors retain themselves and the objects only they hold.
     */
    @Test
    void retainedRowsHaveThePatternNames() throws Exception {
        Path alone = dir.resolve("patterns.json");
        Path both = dir.resolve("patterns-retained.json");
        CliRun a = CliRun.maze("analyze", run.core.toString(), "--patterns", "--top", "0", "--json", alone.toString());
        assertEquals(ExitCode.OK.code, a.exit(), a.err());
        CliRun r = CliRun.maze("analyze", run.core.toString(), "--patterns", "--retained", "--top", "0",
                "--json", both.toString());
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(both.toFile());
        Map<String, long[]> items = rows(new ObjectMapper().readTree(alone.toFile()).get("items"));
        assertEquals(show(items), show(rows(json.get("items"))), "the table with and without --retained");
        Map<String, long[]> retained = rows(json.get("retained").get("types"));
        assertEquals(show(items), show(retained), "blocks and bytes per type in the retained rows");
        Map<String, Integer> perLabel = new TreeMap<>();
        items.forEach((type, row) -> PatternsTruth.NAMES.forEach((label, name) -> {
            if (type.startsWith(name)) {
                perLabel.merge(label, (int) row[0], Integer::sum);
            }
        }));
        assertEquals(run.expected(), perLabel, "blocks per pattern in the retained run's table");
        assertEquals(sum(items, "C++ Gadget*[] ", 1) + exact(items, "C++ Gadget", 1), sum(retained, "C++ Gadget*[] ", 2),
                "the pointer arrays retain their Gadgets");
        assertEquals(sum(items, "std::vector<Gizmo*> ", 1) + exact(items, "C++ Gizmo", 1),
                sum(retained, "std::vector<Gizmo*> ", 2), "the vectors retain their Gizmos");
    }

    /** Type -> {amount, total size, retained (0 in the table)}. */
    private static Map<String, long[]> rows(JsonNode array) {
        Map<String, long[]> out = new TreeMap<>();
        for (JsonNode n : array) {
            out.put(n.get("type").asText(), new long[] {n.get("amount").asLong(), n.get("total_size").asLong(),
                    n.has("retained") ? n.get("retained").asLong() : 0});
        }
        return out;
    }

    private static String show(Map<String, long[]> rows) {
        StringBuilder b = new StringBuilder();
        rows.forEach((type, r) -> b.append(r[0]).append(' ').append(r[1]).append(' ').append(type).append('\n'));
        return b.toString();
    }

    /** Column {@code column} summed over the types starting with {@code prefix}. */
    private static long sum(Map<String, long[]> rows, String prefix, int column) {
        return rows.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(e -> e.getValue()[column]).sum();
    }

    private static long exact(Map<String, long[]> rows, String type, int column) {
        return rows.containsKey(type) ? rows.get(type)[column] : 0;
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

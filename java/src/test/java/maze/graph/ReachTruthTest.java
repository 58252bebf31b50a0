package maze.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import maze.cli.ExitCode;
import maze.testing.CliRun;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * maze leaks and maze refs on a gcore of reach_truth, whose truth gives every block its set
 * (SET:GROUP): scored block by block, exactly.
 */
@Tag("scenario")
class ReachTruthTest {
    @TempDir
    static Path dir;
    private static ReachTruth reach;
    private static Path core;
    /** Truth block ptr -> "SET:GROUP". */
    private static Map<Long, String> truth;

    @BeforeAll
    static void gcoreTheFixture() throws Exception {
        reach = ReachTruth.take(dir, Map.of());
        core = reach.core;
        truth = reach.types;
    }

    @Test
    void everyBlockIsInItsSet() throws Exception {
        TreeMap<Long, String[]> blocks = reach.listing(dir.resolve("sets.jsonl"));
        assertEquals(List.of(), reach.wrongSets(blocks), "blocks in the wrong set");
        assertEquals(Map.of("anchored", 54, "leaked", 33, "unreferenced", 23), reach.perSet(), "the fixture's truth");
        long others = blocks.entrySet().stream().filter(e -> !truth.containsKey(e.getKey())
                && !e.getValue()[1].equals("anchored")).count();
        assertEquals(0, others, "the runtime's own blocks (outside the truth) are reachable");
    }

    @Test
    void theDefaultListingHoldsTheLeakedBlocksOnly() throws Exception {
        Path out = dir.resolve("leaked.jsonl");
        CliRun r = CliRun.maze("leaks", core.toString(), "--list", "-o", out.toString());
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(33 + 23, lines.size(), r.err());
        assertTrue(lines.stream().allMatch(l -> l.matches(
                "\\{\"address\":\"0x[0-9a-f]+\",\"size\":40,\"type\":\"malloc\\(40\\)\",\"set\":\"(leaked|unreferenced)\"}")),
                String.join("\n", lines));
        assertTrue(r.err().contains("maze: listed 56 blocks of "), r.err());
    }

    @Test
    void refsNamesTheGlobalOfEachTree() {
        for (String global : List.of("g_tree_a", "g_tree_b")) {
            long leaf = lastOf("anchored:" + global);
            CliRun r = CliRun.maze("refs", core.toString(), String.format("0x%x", leaf + 8));
            assertEquals(ExitCode.OK.code, r.exit(), r.err());
            assertTrue(r.out().contains(String.format("Block 0x%x (malloc(", leaf)), r.out());
            assertTrue(r.out().contains("offset +0x8"), r.out());
            assertTrue(r.out().contains("Shortest path from a root:\n  root  " + global + " in "), r.out());
        }
    }

    /** The shared block's roots: a C global and registry::shared, demangled (its symbol is _ZN8registry6sharedE). */
    @Test
    void refsNamesACppGlobalDemangled() {
        CliRun r = CliRun.maze("refs", core.toString(), String.format("0x%x", lastOf("anchored:shared")));
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        assertTrue(r.out().contains("  root  g_shared_1 in ") && r.out().contains("  root  registry::shared in "),
                r.out());
        assertTrue(!r.out().contains("_ZN"), r.out());
    }

    /** The list only main's thread_local holds: anchored, through t_main_list in the executable's TLS block as ld.so placed it. */
    @Test
    void refsNamesTheTlsOfTheModule() throws Exception {
        Path exe = Fixtures.binary("reach_truth");
        CliRun r = CliRun.maze("refs", core.toString(), String.format("0x%x", lastOf("anchored:tls")));
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        assertTrue(r.out().contains("): anchored\n"), r.out());
        assertTrue(r.out().contains("Shortest path from a root:\n  root  t_main_list in thread-local storage of "
                + exe.toRealPath()
                + " in thread 1 (LWP "), r.out());
    }

    @Test
    void refsSaysALeakedBlockHasNoPath() {
        long single = lastOf("unreferenced:single");
        CliRun r = CliRun.maze("refs", core.toString(), Long.toString(single));
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        assertTrue(r.out().contains("): unreferenced\n"), r.out());
        assertTrue(r.out().contains("No path from a root: the block is leaked."), r.out());
    }

    @Test
    void refsOfAnAddressInNoBlockIsAUsageError() {
        CliRun r = CliRun.maze("refs", core.toString(), "0x10");
        assertEquals(ExitCode.USAGE.code, r.exit(), r.err());
        assertTrue(r.err().contains("0x10 lies in no live heap block"), r.err());
    }

    @Test
    void leaksTableCountsTheLeakedBlocks() {
        CliRun r = CliRun.maze("leaks", core.toString());
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        assertTrue(r.out().matches("(?s).*leaked: +56 blocks +2240 bytes.*"), r.out());
        assertTrue(r.out().matches("(?s).*unreferenced: +23 blocks +920 bytes.*"), r.out());
        assertTrue(r.out().contains("Warnings:     none"), r.out());
    }

    /** Each global's tree is retained by it alone, though leaked blocks point into one of them. */
    @Test
    void analyzeRetainedGivesEachGlobalItsWholeTree() throws Exception {
        TreeMap<Long, String[]> blocks = reach.listing(dir.resolve("retained-sets.jsonl"));
        CliRun r = CliRun.maze("analyze", core.toString(), "--retained", "--top", "0");
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        for (String global : List.of("g_tree_a", "g_tree_b")) {
            long bytes = truth.entrySet().stream().filter(e -> e.getValue().equals("anchored:" + global))
                    .mapToLong(e -> Long.parseLong(blocks.get(e.getKey())[0]) - e.getKey()).sum();
            assertTrue(r.out().matches("(?s).*\\n +" + bytes + " +1  " + global + " in .*"), bytes + "\n" + r.out());
        }
    }

    /** --json gets the same retained rows as the text, and each global its whole tree (600 and 280 bytes). */
    @Test
    void retainedJsonHasTheTextsFigures() throws Exception {
        TreeMap<Long, String[]> blocks = reach.listing(dir.resolve("json-sets.jsonl"));
        Path json = dir.resolve("retained.json");
        CliRun r = CliRun.maze("analyze", core.toString(), "--retained", "--top", "0", "--json", json.toString());
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        JsonNode retained = new ObjectMapper().readTree(json.toFile()).get("retained");
        List<String> rows = new ArrayList<>();
        for (JsonNode t : retained.get("types")) {
            rows.add(String.format("%5d  %10d  %12d  %12d  %s", t.get("order").asInt(), t.get("amount").asLong(),
                    t.get("total_size").asLong(), t.get("retained").asLong(), t.get("type").asText()));
        }
        Map<String, Long> byRoot = new TreeMap<>();
        List<String> rootNames = new ArrayList<>();
        for (JsonNode root : retained.get("roots")) {
            String name = root.get("shared").asBoolean() ? "(several roots share these)" : root.get("root").asText();
            rows.add(String.format("%12d  %8d  %s", root.get("retained").asLong(), root.get("blocks").asLong(), name));
            byRoot.put(name.replaceFirst(" in .*", ""), root.get("retained").asLong());
            rootNames.add(name);
        }
        for (JsonNode b : retained.get("blocks")) {
            rows.add(String.format("%12d  %-14s  %s (%s, %d bytes)", b.get("retained").asLong(), b.get("set").asText(),
                    b.get("address").asText(), b.get("type").asText(), b.get("size").asLong()));
        }
        assertTrue(retained.get("types").size() > 0 && retained.get("blocks").size() > 0, retained.toString());
        List<String> missing = rows.stream().filter(row -> !r.out().contains("\n" + row + "\n")).toList();
        assertEquals(List.of(), missing, "JSON rows the text does not show:\n" + r.out());
        Map<String, Long> trees = new TreeMap<>();
        for (String global : List.of("g_tree_a", "g_tree_b")) {
            trees.put(global, truth.entrySet().stream().filter(e -> e.getValue().equals("anchored:" + global))
                    .mapToLong(e -> Long.parseLong(blocks.get(e.getKey())[0]) - e.getKey()).sum());
            assertEquals(trees.get(global), byRoot.get(global), global + " in " + retained.get("roots"));
        }
        assertEquals(Map.of("g_tree_a", 600L, "g_tree_b", 280L), trees, "the fixture's trees");
        for (String thread : List.of("1", "2")) { // each thread's tcache, held by libc's TLS block in that thread
            assertTrue(rootNames.stream().anyMatch(k -> k.matches("thread-local storage of \\S*/libc\\.so\\.6"
                    + " in thread " + thread + " \\(LWP \\d+\\)")), rootNames.toString());
        }
        CliRun toStdout = CliRun.maze("analyze", core.toString(), "--retained", "--top", "0", "--json", "-");
        assertEquals(ExitCode.OK.code, toStdout.exit(), toStdout.err());
        assertEquals(retained, new ObjectMapper().readTree(toStdout.out()).get("retained"), "--json - prints the same");
    }

    private static long lastOf(String type) {
        return truth.entrySet().stream().filter(e -> e.getValue().equals(type)).mapToLong(Map.Entry::getKey)
                .max().orElseThrow();
    }
}

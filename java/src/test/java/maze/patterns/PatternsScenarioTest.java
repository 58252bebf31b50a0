package maze.patterns;

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
 * maze blocks/analyze --patterns on a gcore of the patterns fixture, whose truth gives every
 * container block its pattern: each truth block is listed (its whole recorded range inside the
 * block) under its pattern's name, and each pattern names exactly the truth's blocks, no others.
 */
@Tag("scenario")
class PatternsScenarioTest {
    /** Truth label -> the name maze gives it, before the size. */
    private static final Map<String, String> NAMES = Map.of(
            "vector", "std::vector body (malloc(",
            "string", "std::string long buffer (malloc(",
            "rbnode", "std::map/set node (malloc(",
            "listnode", "std::list node (malloc(",
            "hashbuckets", "std::unordered_map/set buckets (malloc(",
            "hashnode", "std::unordered_map/set node (malloc(",
            "shared", "C++ std::_Sp_counted_ptr_inplace<Widget, ");

    @TempDir
    static Path dir;
    private static Path core;
    /** Truth ptr -> {label, recorded size}. */
    private static final Map<Long, String[]> truth = new TreeMap<>();
    /** Listed address -> {end, type}. */
    private static final TreeMap<Long, String[]> listed = new TreeMap<>();

    @BeforeAll
    static void gcoreTheFixture() throws Exception {
        Path fixture = Fixtures.binary("patterns");
        Fixtures.require(Files.isExecutable(Path.of("/usr/bin/gcore")), "gcore (gdb) is not installed");
        Path truthFile = dir.resolve("truth.jsonl");
        try (FixtureProcess p = FixtureProcess.start(List.of(fixture.toString(), truthFile.toString()), dir,
                FixtureProcess.defaultTimeout(), Map.of())) {
            core = p.gcore(dir);
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(truthFile)) {
            JsonNode n = json.readTree(line);
            if (n.has("ptr") && n.get("live").asBoolean()) {
                truth.put(hex(n.get("ptr").asText()), new String[] {n.get("type").asText(), n.get("size").asText()});
            }
        }
        Path out = dir.resolve("blocks.jsonl");
        CliRun r = CliRun.maze("blocks", core.toString(), "--patterns", "-o", out.toString());
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        for (String line : Files.readAllLines(out)) {
            JsonNode n = json.readTree(line);
            long a = hex(n.get("address").asText());
            listed.put(a, new String[] {Long.toString(a + n.get("size").asLong()), n.get("type").asText()});
        }
    }

    @Test
    void everyContainerBlockHasItsPattern() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Long, String[]> t : truth.entrySet()) {
            Map.Entry<Long, String[]> b = listed.floorEntry(t.getKey());
            boolean inside = b != null && t.getKey() + Long.parseLong(t.getValue()[1]) <= Long.parseLong(b.getValue()[0]);
            String got = inside ? b.getValue()[1] : "not listed";
            if (!got.startsWith(NAMES.get(t.getValue()[0]))) {
                wrong.add(String.format("0x%x %s: %s", t.getKey(), t.getValue()[0], got));
            }
        }
        assertEquals(List.of(), wrong, "container blocks named wrongly");
    }

    @Test
    void eachPatternNamesExactlyTheTruthsBlocks() {
        Map<String, Integer> expected = new TreeMap<>();
        truth.values().forEach(t -> expected.merge(t[0], 1, Integer::sum));
        assertEquals(Map.of("vector", 8, "string", 9, "rbnode", 31, "listnode", 12, "hashbuckets", 2,
                "hashnode", 16, "shared", 4), expected, "the fixture's truth");
        Map<String, Integer> got = new TreeMap<>();
        for (String[] b : listed.values()) {
            NAMES.forEach((label, name) -> {
                if (b[1].startsWith(name)) {
                    got.merge(label, 1, Integer::sum);
                }
            });
        }
        assertEquals(expected, got, "blocks per pattern in the listing");
    }

    /** The table keeps sizes apart within a pattern: one row per size of the vector bodies. */
    @Test
    void analyzeShowsEachPatternBySize() {
        CliRun r = CliRun.maze("analyze", core.toString(), "--patterns", "--top", "0");
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        Map<Long, Integer> bodiesBySize = new TreeMap<>();
        truth.forEach((ptr, t) -> {
            if (t[0].equals("vector")) {
                Map.Entry<Long, String[]> b = listed.floorEntry(ptr);
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
        CliRun r = CliRun.maze("analyze", core.toString(), "--top", "0");
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        assertTrue(!r.out().contains("std::vector body") && r.out().contains("malloc(296)"), r.out());
    }

    private static long hex(String s) {
        return Long.parseUnsignedLong(s.substring(2), 16);
    }
}

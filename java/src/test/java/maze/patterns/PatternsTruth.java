package maze.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

/**
 * A gcore of the patterns fixture, its truth (every container block's pattern) and
 * {@code maze blocks --patterns} on it, scored block by block: the recorded pointer is the listed
 * block's start, the whole recorded range inside it, and that block named with the pattern.
 */
final class PatternsTruth {
    /** Truth label -> the name maze gives it, before the size. */
    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("vector", "std::vector body (malloc("),
            Map.entry("string", "std::string long buffer (malloc("),
            Map.entry("rbnode", "std::map/set node (malloc("),
            Map.entry("listnode", "std::list node (malloc("),
            Map.entry("hashbuckets", "std::unordered_map/set buckets (malloc("),
            Map.entry("hashnode", "std::unordered_map/set node (malloc("),
            Map.entry("shared", "C++ std::_Sp_counted_ptr_inplace<Widget, "),
            Map.entry("sharedptr", "C++ std::_Sp_counted_ptr<Widget*, "),
            Map.entry("gadgetarray", "C++ Gadget[] (new[] of 4, malloc("),
            Map.entry("gizmoarray3", "C++ Gizmo[] (new[] of 3, malloc("),
            Map.entry("gizmoarray5", "C++ Gizmo[] (new[] of 5, malloc("),
            Map.entry("ptrarray", "C++ Gadget*[] (malloc("),
            Map.entry("ptrvector", "std::vector<Gizmo*> body (malloc("),
            Map.entry("dequemap", "std::deque map (malloc("),
            Map.entry("dequebuffer", "std::deque buffer (malloc("));
    /** What the fixture makes. */
    static final Map<String, Integer> COUNTS = Map.ofEntries(Map.entry("vector", 8), Map.entry("string", 14),
            Map.entry("rbnode", 31), Map.entry("listnode", 12), Map.entry("hashbuckets", 3), Map.entry("hashnode", 21),
            Map.entry("shared", 4), Map.entry("sharedptr", 3), Map.entry("gadgetarray", 3),
            Map.entry("gizmoarray3", 1), Map.entry("gizmoarray5", 1), Map.entry("ptrarray", 3),
            Map.entry("ptrvector", 2), Map.entry("dequemap", 2), Map.entry("dequebuffer", 8));

    final Path core;
    /** Truth ptr -> {label, recorded size}. */
    final Map<Long, String[]> truth = new TreeMap<>();
    /** Listed address -> {end, type}. */
    final TreeMap<Long, String[]> listed = new TreeMap<>();

    private PatternsTruth(Path core) {
        this.core = core;
    }

    /** Runs the fixture in {@code dir} with {@code env} added (LD_PRELOAD), gcores it, lists its blocks. */
    static PatternsTruth take(Path dir, Map<String, String> env) throws IOException, InterruptedException {
        Path fixture = Fixtures.binary("patterns");
        Fixtures.require(Files.isExecutable(Path.of("/usr/bin/gcore")), "gcore (gdb) is not installed");
        Files.createDirectories(dir);
        Path truthFile = dir.resolve("truth.jsonl");
        PatternsTruth t;
        try (FixtureProcess p = FixtureProcess.start(List.of(fixture.toString(), truthFile.toString()), dir,
                FixtureProcess.defaultTimeout(), env)) {
            t = new PatternsTruth(p.gcore(dir));
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(truthFile)) {
            JsonNode n = json.readTree(line);
            if (n.has("ptr") && n.get("live").asBoolean()) {
                t.truth.put(hex(n.get("ptr").asText()), new String[] {n.get("type").asText(), n.get("size").asText()});
            }
        }
        Path out = dir.resolve("blocks.jsonl");
        CliRun r = CliRun.maze("blocks", t.core.toString(), "--patterns", "-o", out.toString());
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        for (String line : Files.readAllLines(out)) {
            JsonNode n = json.readTree(line);
            long a = hex(n.get("address").asText());
            t.listed.put(a, new String[] {Long.toString(a + n.get("size").asLong()), n.get("type").asText()});
        }
        return t;
    }

    /** "0x... label: got" for every truth block not listed under its pattern. */
    List<String> wronglyNamed() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Long, String[]> t : truth.entrySet()) {
            Map.Entry<Long, String[]> b = listed.floorEntry(t.getKey());
            // the recorded pointer is the block's start (an array's block starts with its cookie)
            boolean inside = b != null && b.getKey().equals(t.getKey())
                    && t.getKey() + Long.parseLong(t.getValue()[1]) <= Long.parseLong(b.getValue()[0]);
            String got = inside ? b.getValue()[1] : "not listed";
            if (!got.startsWith(NAMES.get(t.getValue()[0]))) {
                wrong.add(String.format("0x%x %s: %s", t.getKey(), t.getValue()[0], got));
            }
        }
        return wrong;
    }

    /** Truth blocks per label. */
    Map<String, Integer> expected() {
        Map<String, Integer> n = new TreeMap<>();
        truth.values().forEach(t -> n.merge(t[0], 1, Integer::sum));
        return n;
    }

    /** Listed blocks per label, by the names maze gave them. */
    Map<String, Integer> named() {
        Map<String, Integer> got = new TreeMap<>();
        for (String[] b : listed.values()) {
            NAMES.forEach((label, name) -> {
                if (b[1].startsWith(name)) {
                    got.merge(label, 1, Integer::sum);
                }
            });
        }
        return got;
    }

    private static long hex(String s) {
        return Long.parseUnsignedLong(s.substring(2), 16);
    }
}

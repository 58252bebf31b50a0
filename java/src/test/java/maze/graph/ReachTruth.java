package maze.graph;

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
 * A gcore of reach_truth and its truth: every block's expected set (SET:GROUP), and the score of
 * {@code maze leaks --list --all} against it, block by block (the whole requested range inside the
 * listed block, and that block in the expected set).
 */
final class ReachTruth {
    final Path core;
    /** Truth block ptr -> "SET:GROUP", and its requested size. */
    final Map<Long, String> types = new TreeMap<>();
    final Map<Long, Long> sizes = new TreeMap<>();

    private ReachTruth(Path core) {
        this.core = core;
    }

    /** Runs the fixture in {@code dir} with {@code env} added (LD_PRELOAD), gcores it, reads its truth. */
    static ReachTruth take(Path dir, Map<String, String> env) throws IOException, InterruptedException {
        return take("reach_truth", dir, env, List.of());
    }

    /** As above, with the fixture's optional arguments ({@code large}). */
    static ReachTruth take(Path dir, Map<String, String> env, List<String> args)
            throws IOException, InterruptedException {
        return take("reach_truth", dir, env, args);
    }

    /** As above for another fixture that takes a truth file (then args) and types its blocks SET:GROUP. */
    static ReachTruth take(String name, Path dir, Map<String, String> env, List<String> args)
            throws IOException, InterruptedException {
        Path fixture = Fixtures.binary(name);
        Fixtures.require(Files.isExecutable(Path.of("/usr/bin/gcore")), "gcore (gdb) is not installed");
        Files.createDirectories(dir);
        Path truthFile = dir.resolve("truth.jsonl");
        ReachTruth t;
        List<String> command = new ArrayList<>(List.of(fixture.toString(), truthFile.toString()));
        command.addAll(args);
        try (FixtureProcess p = FixtureProcess.start(command, dir, FixtureProcess.defaultTimeout(), env)) {
            t = new ReachTruth(p.gcore(dir));
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(truthFile)) {
            JsonNode n = json.readTree(line);
            if (n.has("ptr") && n.get("live").asBoolean()) {
                long ptr = hex(n.get("ptr").asText());
                t.types.put(ptr, n.get("type").asText());
                t.sizes.put(ptr, n.get("size").asLong());
            }
        }
        return t;
    }

    /** The listing of every block with its set: address -> {end, set index}. */
    TreeMap<Long, String[]> listing(Path out) throws IOException {
        CliRun r = CliRun.maze("leaks", core.toString(), "--list", "--all", "-o", out.toString());
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        TreeMap<Long, String[]> blocks = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(out)) {
            JsonNode n = json.readTree(line);
            long a = hex(n.get("address").asText());
            blocks.put(a, new String[] {Long.toString(a + n.get("size").asLong()), n.get("set").asText()});
        }
        return blocks;
    }

    /** "0x... SET:GROUP: got" for every truth block not listed in its expected set. */
    List<String> wrongSets(TreeMap<Long, String[]> blocks) {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Long, String> t : types.entrySet()) {
            Map.Entry<Long, String[]> b = blocks.floorEntry(t.getKey());
            String expected = t.getValue().substring(0, t.getValue().indexOf(':'));
            boolean inside = b != null && t.getKey() + sizes.get(t.getKey()) <= Long.parseLong(b.getValue()[0]);
            String got = inside ? b.getValue()[1] : "not listed";
            if (!expected.equals(got)) {
                wrong.add(String.format("0x%x %s: %s", t.getKey(), t.getValue(), got));
            }
        }
        return wrong;
    }

    /** How many truth blocks each set should have. */
    Map<String, Integer> perSet() {
        Map<String, Integer> perSet = new TreeMap<>();
        types.values().forEach(v -> perSet.merge(v.substring(0, v.indexOf(':')), 1, Integer::sum));
        return perSet;
    }

    private static long hex(String s) {
        return Long.parseUnsignedLong(s.substring(2), 16);
    }
}

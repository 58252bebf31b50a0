package maze.gdbscripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import maze.cli.Main;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import maze.testing.MimallocBuilds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gdb-scripts/maze.py in stock gdb, batch mode, on fixture cores. */
@Tag("gcore")
class GdbScriptTest {
    private static final Path PROJECT = Path.of(System.getProperty("maze.project.dir", ".")).toAbsolutePath();
    private static final Path SCRIPT = PROJECT.resolve("gdb-scripts/maze.py");

    @TempDir
    Path dir;

    @Test
    void mazeHeapPrintsWhatAnalyzePrints() throws Exception {
        Path exe = Fixtures.binary("heap_truth");
        Path core;
        try (FixtureProcess p = FixtureProcess.start(List.of(exe.toString(), "kinds", dir.resolve("t.jsonl").toString()),
                dir, FixtureProcess.defaultTimeout())) {
            core = p.gcore(dir);
        }
        String inGdb = gdb(Map.of("MAZE_BIN", launcher().toString()), List.of("maze heap --top 15"), exe, core);
        String direct = run("analyze", core.toString(), "--exe", exe.toString(), "--top", "15", "--no-progress");
        assertTrue(direct.contains("Live blocks:"), direct);
        // gdb prints its own lines about the core first; the table starts at its header
        assertEquals(direct.strip(), inGdb.substring(Math.max(0, inGdb.indexOf("Order "))).strip());
    }

    /** maze leaks and maze refs ADDR (a number or a gdb expression) in gdb print what the CLI prints on the same core. */
    @Test
    void mazeLeaksAndRefsPrintWhatTheCliPrints() throws Exception {
        Path exe = Fixtures.binary("reach_truth");
        Path truth = dir.resolve("truth.jsonl");
        Path core;
        try (FixtureProcess p = FixtureProcess.start(List.of(exe.toString(), truth.toString()), dir,
                FixtureProcess.defaultTimeout())) {
            core = p.gcore(dir);
        }
        long root = treeBlock(truth, "anchored:g_tree_a"); // the tree's root is logged first
        String inside = String.format("0x%x", root + 8);
        // the last refs is asked by a gdb expression: g_tree_a's value read from the core
        String inGdb = gdb(Map.of("MAZE_BIN", launcher().toString()),
                List.of("maze leaks", "maze refs " + inside, "maze refs *(void **)&g_tree_a"), exe, core);
        String leaks = run("leaks", core.toString(), "--exe", exe.toString(), "--no-progress");
        String refs = run("refs", core.toString(), inside, "--exe", exe.toString(), "--no-progress");
        String byValue = run("refs", core.toString(), String.format("0x%x", root), "--exe", exe.toString(),
                "--no-progress");
        assertTrue(leaks.contains("unreferenced:") && refs.contains("Shortest path from a root:\n  root  g_tree_a in ")
                && byValue.startsWith(String.format("Block 0x%x ", root)), leaks + refs + byValue);
        // gdb prints its own lines about the core first; maze's output starts at the leaks table's first line
        String first = leaks.lines().findFirst().orElseThrow();
        assertEquals(untimed(leaks + refs + byValue), untimed(inGdb.substring(Math.max(0, inGdb.indexOf(first)))));
    }

    /** The graph's build time is the one figure two runs may print differently. */
    private static String untimed(String leaksOutput) {
        return leaksOutput.replaceFirst("; \\d+ ms after the heap walk", "; N ms after the heap walk");
    }

    /** The address of one live block of the reach_truth truth file whose type is {@code type}. */
    private static long treeBlock(Path truth, String type) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : Files.readAllLines(truth)) {
            com.fasterxml.jackson.databind.JsonNode n = json.readTree(line);
            if (n.has("ptr") && n.get("live").asBoolean() && n.get("type").asText().equals(type)) {
                return Long.parseUnsignedLong(n.get("ptr").asText().substring(2), 16);
            }
        }
        throw new AssertionError("no live " + type + " block in " + truth);
    }

    @Test
    void allocatorsSkipsAnExecutableNamedLikeAnAllocator() throws Exception {
        MimallocBuilds.Build lib = MimallocBuilds.named("debian-2.0.9");
        Path exe = dir.resolve("mimalloc-test");
        Files.copy(Fixtures.binary("info_fixture"), exe);
        exe.toFile().setExecutable(true);
        Path core;
        try (FixtureProcess p = FixtureProcess.start(List.of(exe.toString()), dir, FixtureProcess.defaultTimeout(),
                Map.of("LD_PRELOAD", lib.path().toString()))) {
            core = p.gcore(dir);
        }
        String out = gdb(Map.of("MAZE_BIN", launcher().toString()), List.of("maze allocators"), exe, core);
        assertTrue(out.contains("mimalloc   2.0.9") && out.contains(lib.path().getFileName().toString())
                && out.contains("(serves malloc)"), out);
        assertFalse(out.lines().anyMatch(l -> l.matches("(mimalloc|glibc|jemalloc|tcmalloc) .*") && l.endsWith(exe.toString())),
                "the executable is not an allocator: " + out);
        assertTrue(out.contains("glibc      2.36"), out);
    }

    /** maze as this test JVM has it (mvn test builds no jar): same class path, same main class. */
    private Path launcher() throws IOException {
        Path launcher = dir.resolve("maze-launcher");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -Dmaze.cache.dir='" + System.getProperty("maze.cache.dir", "") + "' -cp '"
                + System.getProperty("java.class.path") + "' maze.cli.Main \"$@\"\n");
        launcher.toFile().setExecutable(true);
        return launcher;
    }

    @Test
    void layoutMatchesMazeLayouts() throws Exception {
        Path libc = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
        String inGdb = gdb(Map.of(), List.of("maze layout heap_info malloc_state 'struct malloc_chunk'"), libc, null);
        String direct = run("layouts", libc.toString(), "heap_info", "malloc_state", "struct malloc_chunk", "--no-cache");
        assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree(direct),
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(inGdb));
    }

    private static String gdb(Map<String, String> env, List<String> commands, Path file, Path core)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("gdb", "-nx", "-q", "-batch", "-iex", "set auto-load off",
                "-x", SCRIPT.toString()));
        for (String c : commands) {
            cmd.add("-ex");
            cmd.add(c);
        }
        cmd.add(file.toString());
        if (core != null) {
            cmd.add(core.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "gdb did not finish");
        return out;
    }

    /** Runs maze in-process and returns what it printed on stdout. */
    private static String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run(args));
        } finally {
            System.setOut(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}

package maze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import maze.testing.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maze info} on real cores of info_fixture: gcore (direct, via stdbuf, via sh) and the kernel's. */
class InfoCommandTest {
    @TempDir
    Path tmp;

    /** What the fixture printed: its pid, then one "tid N" per thread. */
    record Printed(int pid, Set<Integer> tids) {
        static Printed of(List<String> lines) {
            int pid = 0;
            Set<Integer> tids = new HashSet<>();
            for (String l : lines) {
                if (l.startsWith("pid ")) {
                    pid = Integer.parseInt(l.substring(4).trim());
                } else if (l.startsWith("tid ")) {
                    tids.add(Integer.parseInt(l.substring(4).trim()));
                }
            }
            return new Printed(pid, tids);
        }
    }

    private JsonNode infoJson(Path core) throws IOException {
        CliRun r = CliRun.maze("info", core.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private JsonNode gcoreInfo(List<String> command, Printed[] printed) throws Exception {
        try (FixtureProcess fp = FixtureProcess.start(command, tmp, FixtureProcess.defaultTimeout())) {
            Path core = fp.gcore(tmp);
            printed[0] = Printed.of(fp.outputSoFar());
            return infoJson(core);
        }
    }

    /** pid, every tid, the exe, libc with a matching build-id and a page-aligned bias where it is mapped. */
    private static void assertDescribesFixture(JsonNode info, Printed printed) throws IOException {
        Path fixture = Fixtures.binary("info_fixture").toRealPath();
        assertEquals(printed.pid(), info.get("pid").asInt());
        Set<Integer> tids = new HashSet<>();
        info.get("threads").forEach(t -> tids.add(t.get("tid").asInt()));
        assertEquals(4, printed.tids().size(), "the fixture prints 4 tids");
        assertEquals(printed.tids(), tids);
        assertEquals(fixture.toString(), info.get("exe").asText());
        JsonNode exe = info.get("modules").get(0);
        assertTrue(exe.get("executable").asBoolean());
        assertTrue(exe.get("build_id_matches").asBoolean(), exe.toString());
        assertLibc(info);
    }

    private static void assertLibc(JsonNode info) {
        JsonNode libc = null;
        for (JsonNode m : info.get("modules")) {
            if (m.get("path").asText().endsWith("/libc.so.6")) {
                libc = m;
            }
        }
        assertTrue(libc != null, "libc among modules: " + info.get("modules"));
        assertTrue(libc.get("build_id").asText().matches("[0-9a-f]{40}"), libc.toString());
        assertTrue(libc.get("file_present").asBoolean() && libc.get("build_id_matches").asBoolean(), libc.toString());
        long bias = Long.decode(libc.get("load_bias").asText());
        assertTrue(bias > 0 && bias % 4096 == 0, "libc bias " + Long.toHexString(bias));
        // libc is linked at 0: its lowest mapping starts at the bias
        long lowest = Long.MAX_VALUE;
        for (JsonNode s : info.get("segments")) {
            if (libc.get("path").asText().equals(s.get("file").asText())) {
                lowest = Math.min(lowest, Long.decode(s.get("start").asText()));
            }
        }
        assertEquals(bias, lowest);
    }

    @Tag("gcore")
    @Test
    void gcoreOfTheFixture() throws Exception {
        Printed[] p = new Printed[1];
        JsonNode info = gcoreInfo(List.of(Fixtures.binary("info_fixture").toString()), p);
        assertDescribesFixture(info, p[0]);
        assertEquals(false, info.get("kernel_core").asBoolean());
        assertEquals("glibc", info.get("allocators").get(0).get("allocator").asText(), info.get("allocators").toString());
        exeOverride(Path.of(info.get("core").asText()));
        truncatedGcoreIsBadInput(Path.of(info.get("core").asText()));
    }

    /** gcore writes its notes last: a cut gcore core has lost them and cannot be read. */
    private void truncatedGcoreIsBadInput(Path core) throws IOException {
        Path cut = tmp.resolve("cut-gcore");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(core), 1 << 20));
        CliRun r = CliRun.maze("info", cut.toString());
        assertEquals(ExitCode.BAD_INPUT.code, r.exit());
        assertTrue(r.err().contains(cut.toString()) && r.err().contains("truncated"), r.err());
    }

    /** The kernel writes notes first: a cut kernel core still reads, with the lost ranges marked. */
    private void truncatedKernelCoreStillReads(Path core) throws IOException {
        Path cut = tmp.resolve("cut-kernel");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(core), 1 << 20));
        JsonNode info = infoJson(cut);
        assertTrue(info.get("warnings").toString().contains("truncated"), info.get("warnings").toString());
        assertTrue(info.get("segments").toString().contains("\"truncated\""));
        assertEquals(4, info.get("threads").size());
        CliRun analyze = CliRun.maze("analyze", cut.toString());
        assertEquals(ExitCode.NO_ALLOCATOR.code, analyze.exit(), analyze.err());
        assertTrue(analyze.err().contains("the core is truncated (the file has 1048576 of the"), analyze.err());
    }

    /** gdb's order (program, core) gets the command to type; a PID where a core belongs gets capture --pid. */
    private void hintsForUsualSlips(Path core) throws Exception {
        Path exe = Fixtures.binary("info_fixture");
        CliRun swapped = CliRun.maze("analyze", exe.toString(), core.toString());
        assertEquals(ExitCode.USAGE.code, swapped.exit());
        assertTrue(swapped.err().contains("maze analyze " + core + " --exe " + exe), swapped.err());
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            CliRun pid = CliRun.maze("blocks", Long.toString(sleeper.pid()));
            assertEquals(ExitCode.BAD_INPUT.code, pid.exit());
            assertTrue(pid.err().contains("is a running process, not a core file: take its core with `maze capture --pid "
                    + sleeper.pid() + "`"), pid.err());
        } finally {
            sleeper.destroyForcibly();
        }
    }

    /** --exe wins over the core's path; a file of another build is accepted with a warning. */
    private void exeOverride(Path core) throws IOException {
        Path other = Files.copy(Path.of("/bin/true"), tmp.resolve("other-exe"));
        JsonNode info = new ObjectMapper().readTree(CliRun.maze("info", core.toString(), "--json", "--exe", other.toString()).out());
        assertEquals(other.toString(), info.get("exe").asText());
        assertEquals(other.toString(), info.get("modules").get(0).get("local_file").asText());
        assertEquals(false, info.get("modules").get(0).get("build_id_matches").asBoolean());
        assertTrue(info.get("warnings").toString().contains("--exe"), info.get("warnings").toString());
    }

    @Tag("gdb")
    @Test
    void startedThroughStdbuf() throws Exception {
        Printed[] p = new Printed[1];
        JsonNode info = gcoreInfo(List.of("stdbuf", "-oL", Fixtures.binary("info_fixture").toString()), p);
        assertDescribesFixture(info, p[0]);
        boolean preload = false;
        for (JsonNode m : info.get("modules")) {
            preload |= m.get("path").asText().contains("libstdbuf");
        }
        assertTrue(preload, "stdbuf's preload library is a module: " + info.get("modules"));
    }

    @Tag("gdb")
    @Test
    void startedThroughAShell() throws Exception {
        Printed[] p = new Printed[1];
        JsonNode info = gcoreInfo(List.of("sh", "-c", "exec \"$0\"", Fixtures.binary("info_fixture").toString()), p);
        assertDescribesFixture(info, p[0]);
    }

    @Test
    void kernelCoreOfTheFixture() throws Exception {
        Path fixture = Fixtures.binary("info_fixture");
        Process proc = new ProcessBuilder("sh", "-c", "ulimit -c unlimited && exec \"$0\" abort", fixture.toString())
                .directory(tmp.toFile()).redirectErrorStream(true).start();
        List<String> lines = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(proc.waitFor(2, TimeUnit.MINUTES));
        Path core = kernelCore(tmp);
        Fixtures.require(core != null, "the kernel wrote no core into " + tmp + " (core_pattern "
                + Files.readString(Path.of("/proc/sys/kernel/core_pattern")).strip() + ", exit " + proc.exitValue() + ")");
        JsonNode info = infoJson(core);
        assertTrue(info.get("kernel_core").asBoolean());
        assertDescribesFixture(info, Printed.of(lines));
        truncatedKernelCoreStillReads(core);
        hintsForUsualSlips(core);
    }

    private static Path kernelCore(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("core")).findFirst().orElse(null);
        }
    }

    @Tag("gcore")
    @Test
    void textOutputNamesTheFacts() throws Exception {
        try (FixtureProcess fp = FixtureProcess.start(List.of(Fixtures.binary("info_fixture").toString()), tmp,
                FixtureProcess.defaultTimeout())) {
            Path core = fp.gcore(tmp);
            Printed printed = Printed.of(fp.outputSoFar());
            CliRun r = CliRun.maze("info", core.toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("pid:      " + printed.pid()), r.out());
            printed.tids().forEach(t -> assertTrue(r.out().contains("tid " + t), r.out()));
            assertTrue(r.out().contains("libc.so.6"), r.out());
            assertTrue(r.out().contains("build-id matches"), r.out());
            // which file-backed ranges gcore leaves out varies (it dumps pages it deems modified)
            assertTrue(r.out().contains("memory map (") && r.out().contains(" in core "), r.out());
        }
    }

    @Test
    void missingCoreIsBadInput() {
        Path none = tmp.resolve("no-such-core");
        CliRun r = CliRun.maze("info", none.toString());
        assertEquals(ExitCode.BAD_INPUT.code, r.exit());
        assertTrue(r.err().contains(none.toString()), r.err());
    }

    @Test
    void notACoreIsBadInput() throws IOException {
        Path text = Files.writeString(tmp.resolve("readme.txt"), "hello\n");
        CliRun r = CliRun.maze("info", text.toString(), "--json");
        assertEquals(ExitCode.BAD_INPUT.code, r.exit());
        assertTrue(r.err().contains(text.toString()) && r.err().contains("not an ELF"), r.err());
        assertEquals("", r.out());
    }

    @Tag("gcore")
    @Test
    void missingExeOverrideIsBadInput() throws Exception {
        try (FixtureProcess fp = FixtureProcess.start(List.of(Fixtures.binary("info_fixture").toString()), tmp,
                FixtureProcess.defaultTimeout())) {
            Path core = fp.gcore(tmp);
            CliRun r = CliRun.maze("info", core.toString(), "--exe", tmp.resolve("gone").toString());
            assertEquals(ExitCode.BAD_INPUT.code, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains("gone"), r.err());
        }
    }
}

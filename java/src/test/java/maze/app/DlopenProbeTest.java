package maze.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import maze.cache.CacheFiles;
import maze.heap.mimalloc.MimallocPlugin;
import maze.gdb.CBuild;
import maze.testing.Fixtures;
import maze.testing.MimallocBuilds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dlopen probe on real files: a PIE named like mimalloc, a non-PIE program, a library without
 * mi_version, and Debian's stripped libmimalloc 2.0.9; plus what environment the child sees.
 */
class DlopenProbeTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    private Path probe;

    @BeforeEach
    void extractProbe() throws IOException {
        probe = CacheFiles.extract(CacheFiles.resource(ProbeChild.RESOURCE), "probe", "maze_probe", true);
    }

    /** The fixture PIE under a name that says mimalloc, as the earlier tool's test program was. */
    private Path pieNamedMimalloc() throws IOException {
        Path pie = tmp.resolve("mimalloc-test");
        Files.copy(Fixtures.binary("info_fixture"), pie);
        pie.toFile().setExecutable(true);
        return pie;
    }

    private Path nonPie() throws IOException, InterruptedException {
        return build("program.c", "program-nopie", "-no-pie");
    }

    /** A C file of test resources probe/ built into tmp with the system's cc. */
    private Path build(String source, String out, String... flags) throws IOException, InterruptedException {
        Fixtures.require(CBuild.onPath("cc"), "no C compiler (cc) on the PATH");
        Path src = tmp.resolve(source);
        try (InputStream in = getClass().getResourceAsStream("/probe/" + source)) {
            Files.copy(in, src);
        }
        List<String> cmd = new java.util.ArrayList<>(List.of("cc", "-o", tmp.resolve(out).toString()));
        cmd.addAll(List.of(flags));
        cmd.add(src.toString());
        CBuild.run(cmd);
        return tmp.resolve(out);
    }

    private Path envDump(Path record) throws IOException, InterruptedException {
        return build("envdump.c", "libenvdump.so", "-shared", "-fPIC", "-DENV_OUT=\"" + record + "\"");
    }

    private static Path mimalloc209() throws IOException {
        return MimallocBuilds.named("debian-2.0.9").path();
    }

    private DlopenProbe.Result probe(List<Path> candidates, Map<String, String> env) throws Exception {
        return new DlopenProbe(new ProbeChild(probe, LIMIT, env), new MimallocPlugin()).probe(candidates);
    }

    @Test
    void skipsBothExecutablesWithoutBeingDoneAndTheLibraryAnswers() throws Exception {
        Path pie = pieNamedMimalloc();
        Path exe = nonPie();
        Path lib = mimalloc209();
        DlopenProbe.Result r = probe(List.of(pie, exe, lib), Map.of());
        assertTrue(r.done());
        assertEquals(209, r.raw());
        assertEquals("2.0.9", r.version().text());
        assertEquals("dlopen probe", r.version().source());
        assertEquals(lib, r.answeredBy());
        assertEquals(List.of(pie, exe), r.skipped().stream().map(DlopenProbe.Skipped::file).toList());
        assertTrue(r.skipped().get(0).reason().contains("position-independent executable"), r.skipped().toString());
        assertTrue(r.skipped().get(1).reason().contains("ET_EXEC"), r.skipped().toString());
    }

    @Test
    void onlyExecutablesEndNotDoneWithTheReasonsAndStartNoChild() throws Exception {
        Path pie = pieNamedMimalloc();
        Path exe = nonPie();
        int before = ProbeChild.spawned();
        DlopenProbe.Result r = probe(List.of(pie, exe), Map.of());
        assertFalse(r.done());
        assertNull(r.version());
        assertNull(r.answeredBy());
        assertEquals(2, r.skipped().size());
        assertTrue(r.skipped().get(0).reason().startsWith("position-independent executable (DF_1_PIE)"),
                r.skipped().toString());
        assertTrue(r.skipped().get(1).reason().startsWith("executable (ET_EXEC)"), r.skipped().toString());
        assertEquals(before, ProbeChild.spawned(), "executables are recognized before any child starts");
    }

    /** The second line of defence: were an executable not recognized, the child's dlopen refuses it. */
    @Test
    void theChildItselfFailsOnBothKindsOfExecutable() throws Exception {
        ProbeChild child = new ProbeChild(probe, LIMIT, Map.of());
        ProbeChild.Outcome pie = child.run(pieNamedMimalloc(), "mi_version");
        assertEquals(ProbeChild.Kind.DLOPEN_FAILED, pie.kind());
        assertTrue(pie.message().contains("cannot dynamically load position-independent executable"), pie.message());
        ProbeChild.Outcome exe = child.run(nonPie(), "mi_version");
        assertEquals(ProbeChild.Kind.DLOPEN_FAILED, exe.kind());
        assertTrue(exe.message().contains("cannot dynamically load executable"), exe.message());
    }

    @Test
    void aLibraryWithoutMiVersionIsSkippedAndTheNextAnswers() throws Exception {
        Path other = envDump(tmp.resolve("env.txt"));
        Path missing = tmp.resolve("libabsent.so");
        Path lib = mimalloc209();
        DlopenProbe.Result r = probe(List.of(other, missing, lib), Map.of());
        assertEquals("2.0.9", r.version().text());
        assertEquals(lib, r.answeredBy());
        assertEquals(other, r.skipped().get(0).file());
        assertTrue(r.skipped().get(0).reason().contains("no mi_version"), r.skipped().toString());
        assertEquals(missing, r.skipped().get(1).file());
        assertTrue(r.skipped().get(1).reason().startsWith("not a loadable ELF file"), r.skipped().toString());
    }

    /** maze's own environment had MIMALLOC_* and LD_PRELOAD: the constructor sees neither. */
    @Test
    void theChildSeesNoMimallocVariables() throws Exception {
        Path record = tmp.resolve("env.txt");
        Path lib = envDump(record);
        Map<String, String> parent = Map.of("MIMALLOC_RESERVE_OS_MEMORY", "4GiB", "MIMALLOC_VERBOSE", "1",
                "LD_PRELOAD", lib.toString(), "HOME", "/root", "LD_LIBRARY_PATH", tmp.toString());
        ProbeChild.Outcome o = new ProbeChild(probe, LIMIT, parent).run(lib, "mi_version");
        assertEquals(ProbeChild.Kind.NO_FUNCTION, o.kind(), o.message());
        List<String> seen = Files.readAllLines(record);
        assertEquals(List.of("LC_ALL=C", "LD_LIBRARY_PATH=" + tmp), seen.stream().sorted().toList());
    }

    /** The C side drops MIMALLOC_* by itself too (someone may run maze_probe by hand). */
    @Test
    void theProbeProgramDropsMimallocVariablesItself() throws Exception {
        Path record = tmp.resolve("env.txt");
        Path lib = envDump(record);
        ProcessBuilder pb = new ProcessBuilder(probe.toString(), lib.toString()).redirectErrorStream(true);
        pb.environment().put("MIMALLOC_RESERVE_OS_MEMORY", "4GiB");
        pb.environment().put("MIMALLOC_SHOW_STATS", "1");
        pb.environment().put("MAZE_PROBE_TEST", "kept");
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertEquals(ProbeChild.NO_FUNCTION, p.waitFor());
        List<String> seen = Files.readAllLines(record);
        assertTrue(seen.contains("MAZE_PROBE_TEST=kept"), seen.toString());
        assertTrue(seen.stream().noneMatch(l -> l.startsWith("MIMALLOC_")), seen.toString());
    }

    @Test
    void aConstructorThatNeverReturnsIsKilledAtTheLimitAndSkipped() throws Exception {
        Path hang = build("hang.c", "libhang.so", "-shared", "-fPIC");
        long start = System.nanoTime();
        DlopenProbe.Result r = new DlopenProbe(new ProbeChild(probe, Duration.ofSeconds(1), Map.of()), new MimallocPlugin())
                .probe(List.of(hang));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "the limit held");
        assertFalse(r.done());
        assertTrue(r.skipped().get(0).reason().contains("no answer within 1 s (killed)"), r.skipped().toString());
    }

    /** The real constructor, told to be verbose by maze's environment, stays silent: it never heard. */
    @Test
    void realMimallocGetsNoOptions() throws Exception {
        Map<String, String> parent = Map.of("MIMALLOC_VERBOSE", "1", "MIMALLOC_SHOW_STATS", "1");
        ProbeChild.Outcome o = new ProbeChild(probe, LIMIT, parent).run(mimalloc209(), "mi_version");
        assertEquals(ProbeChild.Kind.OK, o.kind(), o.message());
        assertEquals(209, o.raw());
        assertEquals("", o.message());
    }
}

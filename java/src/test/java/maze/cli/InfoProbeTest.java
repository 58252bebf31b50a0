package maze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import maze.app.ProbeChild;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import maze.testing.MimallocBuilds;
import maze.testing.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code maze info --dlopen-probe} on a core of a PIE called "mimalloc-test" running on Debian's
 * libmimalloc 2.0.9: the probe skips the program and asks the library; without the option no
 * child is ever started.
 */
@Tag("gcore")
class InfoProbeTest {
    @TempDir
    Path tmp;

    @Test
    void probesOnlyWhenAskedAndSkipsTheProgramNamedMimalloc() throws Exception {
        Path exe = tmp.resolve("mimalloc-test");
        Files.copy(Fixtures.binary("info_fixture"), exe);
        exe.toFile().setExecutable(true);
        Path lib = MimallocBuilds.named("debian-2.0.9").path();
        Path core;
        try (FixtureProcess fp = FixtureProcess.start(List.of(exe.toString()), tmp, FixtureProcess.defaultTimeout(),
                Map.of("LD_PRELOAD", lib.toString()))) {
            core = fp.gcore(tmp);
        }

        int before = ProbeChild.spawned();
        CliRun plain = CliRun.maze("info", core.toString());
        CliRun plainJson = CliRun.maze("info", core.toString(), "--json");
        assertEquals(0, plain.exit(), plain.err());
        assertEquals(before, ProbeChild.spawned(), "maze info without --dlopen-probe starts no probe");
        assertFalse(plain.out().contains("dlopen probe"), plain.out());
        assertFalse(plainJson.out().contains("dlopen_probe"), plainJson.out());

        CliRun text = CliRun.maze("info", core.toString(), "--dlopen-probe");
        assertEquals(0, text.exit(), text.err());
        assertEquals(before + 1, ProbeChild.spawned(), "one child: the executable is skipped before any starts");
        String out = text.out();
        assertTrue(out.contains("mimalloc 2.0.9 (mi_version() = 209) from " + lib), out);
        assertTrue(out.contains("statically read: 2.0.9 (mi_version) in " + lib), out);
        assertTrue(out.contains("skipped " + exe.toRealPath() + ": position-independent executable"), out);
        assertTrue(out.contains("warning: --dlopen-probe ran the constructor of " + lib + " in a child process"), out);

        CliRun json = CliRun.maze("info", core.toString(), "--json", "--dlopen-probe");
        JsonNode probe = new ObjectMapper().readTree(json.out()).get("dlopen_probe");
        assertTrue(probe.get("done").asBoolean(), probe.toString());
        assertEquals("2.0.9", probe.get("version").asText());
        assertEquals(209, probe.get("raw").asInt());
        assertEquals("mi_version", probe.get("function").asText());
        assertEquals(lib.toString(), probe.get("file").asText());
        assertEquals(exe.toRealPath().toString(), probe.get("skipped").get(0).get("file").asText());
    }
}

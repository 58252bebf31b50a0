package maze.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import maze.cli.Main;
import maze.testing.FixtureProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** maze pack, maze capture --pid and maze capture -- COMMAND, end to end through the CLI. */
@Tag("gcore")
class PackCliTest {
    @TempDir
    Path tmp;

    @Test
    void packAndCaptureByPidLeaveTheProcessRunning() throws Exception {
        PackFixture f = PackFixture.in(tmp);
        try (ReadyProcess p = ReadyProcess.start(f.command(), null, FixtureProcess.READY, FixtureProcess.defaultTimeout())) {
            Path core = Gcore.capture(p.pid(), tmp);
            assertEquals(0, Main.run("pack", core.toString(), "-o", tmp.resolve("packed.tar.gz").toString()));
            assertEquals(0, Main.run("capture", "--pid", Long.toString(p.pid()), "-o", tmp.resolve("pid.tar.gz").toString()));
            assertTrue(p.isAlive(), "capture --pid leaves the process running");
            assertPidIs(p.pid(), tmp.resolve("packed.tar.gz"));
            assertPidIs(p.pid(), tmp.resolve("pid.tar.gz"));
            assertEquals(0, Main.run("info", tmp.resolve("packed.tar.gz").toString()), "info reads a bundle's core");
        }
    }

    @Test
    void exeGivenOnTheCommandLineIsPackedAtTheCoresPath() throws Exception {
        PackFixture f = PackFixture.in(tmp);
        Path moved = Files.copy(f.program, tmp.resolve("moved-fixture"));
        Path core;
        try (ReadyProcess p = ReadyProcess.start(f.command(), null, FixtureProcess.READY, FixtureProcess.defaultTimeout())) {
            core = Gcore.capture(p.pid(), tmp);
        }
        Path out = tmp.resolve("exe.tar.gz");
        assertEquals(0, Main.run("pack", core.toString(), "--exe", moved.toString(), "-o", out.toString()));
        try (BundleExtractor b = BundleExtractor.extract(out, tmp, BundleLimits.DEFAULT)) {
            assertEquals(f.program.toString(), b.manifest().exe(), "the name the core gave");
            assertEquals(-1, Files.mismatch(moved, b.exe()), "the bytes of the file given");
        }
    }

    @Test
    void captureACommandThenEndIt() throws Exception {
        PackFixture f = PackFixture.in(tmp);
        String[] args = {"capture", "--timeout", "60", "-o", tmp.resolve("cmd.tar.gz").toString(), "--"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), f.command().stream())
                .toArray(String[]::new);
        assertEquals(0, Main.run(all));
        try (BundleExtractor b = BundleExtractor.extract(tmp.resolve("cmd.tar.gz"), tmp, BundleLimits.DEFAULT)) {
            assertEquals(f.program.toString(), b.manifest().exe());
            assertTrue(ProcessHandle.of(b.manifest().pid()).map(h -> !h.isAlive()).orElse(true), "ended after capture");
        }
    }

    private void assertPidIs(long pid, Path bundle) throws Exception {
        try (BundleExtractor b = BundleExtractor.extract(bundle, tmp, BundleLimits.DEFAULT)) {
            assertEquals(pid, b.manifest().pid());
            assertTrue(Files.isRegularFile(b.exe()));
        }
    }
}

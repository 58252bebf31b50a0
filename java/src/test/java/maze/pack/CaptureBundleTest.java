package maze.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import maze.testing.FixtureProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live fixture whose library exists only in a temporary folder is captured; the folder is
 * deleted; the bundle still holds the library under its link name with its build-id, gdb pointed
 * at the bundle loads every library from it, and the executable is the fixture's even when it
 * was started through a wrapper.
 */
@Tag("gcore")
class CaptureBundleTest {
    @TempDir
    Path tmp;

    @Test
    void libraryFromADeletedFolderTravelsUnderItsLinkName() throws Exception {
        PackFixture.captureDeleteExtract(tmp, f -> new HostCoreAccess(), (f, b) -> {
            ManifestModule lib = b.manifest().modules().stream()
                    .filter(m -> m.path().equals(f.realLib().toString())).findFirst().orElseThrow();
            assertEquals(f.linkName(), lib.linkName());
            assertEquals(PackFixture.BUILD_ID, lib.buildId());
            assertEquals(PackFixture.BUILD_ID, lib.fileBuildId());
            assertEquals(List.of("fixture.tar.gz", "x"), BundleExtractorTest.list(tmp).stream()
                    .map(p -> p.getFileName().toString()).sorted().toList(), "the scratch core is gone");
            assertGdbLoadsEveryLibraryFromTheBundle(b);
        });
    }

    @Test
    void throughStdbufTheFixtureIsTheExecutable() throws Exception {
        PackFixture f = PackFixture.in(tmp);
        assertEquals(f.program.toString(), capture(f.wrapped("stdbuf", "-oL")).exe());
    }

    @Test
    void throughShellTheFixtureIsTheExecutable() throws Exception {
        PackFixture f = PackFixture.in(tmp);
        assertEquals(f.program.toString(), capture(f.shellCommand()).exe());
    }

    private Manifest capture(List<String> command) throws Exception {
        return new Packer(new HostCoreAccess(), "test", "h")
                .capture(command, FixtureProcess.READY, FixtureProcess.defaultTimeout(), tmp.resolve("b.tar.gz"))
                .manifest();
    }

    /** gdb, pointed at the bundle only, finds each library by its link name (libc's too) and reads it. */
    private static void assertGdbLoadsEveryLibraryFromTheBundle(BundleExtractor b) throws Exception {
        Process gdb = new ProcessBuilder("gdb", "-nx", "-q", "-batch", "-iex", "set auto-load off",
                "-iex", "set sysroot " + b.sysroot(), "-iex", "set debug-file-directory " + b.debugDir(),
                "-ex", "info sharedlibrary", b.exe().toString(), b.core().toString()).redirectErrorStream(true).start();
        String out = new String(gdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        gdb.waitFor();
        // the rows of gdb's table: [From To] Yes|No [(*)] NAME
        List<String> libs = out.lines().filter(l -> l.matches(".*\\s(Yes|No)( \\(\\*\\))?\\s+/\\S+$")).toList();
        assertTrue(libs.stream().anyMatch(l -> l.contains(PackFixture.SONAME)), out);
        assertTrue(libs.stream().anyMatch(l -> l.contains("libc.so.6")), out);
        for (String line : libs) {
            assertTrue(line.contains(b.sysroot().toString()) && line.contains("Yes"), out);
        }
    }
}

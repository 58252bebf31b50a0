package maze.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import maze.testing.FixtureProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capture with the real core reader: the manifest takes link names, build-ids and the executable
 * from the core's own notes, also when the fixture was started through a wrapper.
 * Enabled once maze.core.CoreReader is wired into {@link HostCoreAccess}.
 */
@Tag("needs-core-reader")
class RealCaptureTest {
    @TempDir
    Path tmp;

    @Test
    void manifestNamesTheLibraryByLinkNameWithItsBuildId() throws Exception {
        PackFixture.captureDeleteExtract(tmp, f -> new HostCoreAccess(), (f, b) -> {
            ManifestModule lib = b.manifest().modules().stream()
                    .filter(m -> m.path().equals(f.realLib().toString())).findFirst().orElseThrow();
            assertEquals(f.linkName(), lib.linkName());
            assertEquals(PackFixture.BUILD_ID, lib.buildId());
            assertEquals(PackFixture.BUILD_ID, lib.fileBuildId());
        });
    }

    @Test
    void throughStdbufTheFixtureIsTheExecutable() throws Exception {
        PackFixture f = PackFixture.in(tmp);
        assertEquals(f.program.toString(), new Packer(new HostCoreAccess(), "test", "h")
                .capture(f.wrapped("stdbuf", "-oL"), FixtureProcess.READY, FixtureProcess.defaultTimeout(),
                        tmp.resolve("b.tar.gz")).manifest().exe());
    }

    @Test
    void throughShellTheFixtureIsTheExecutable() throws Exception {
        PackFixture f = PackFixture.in(tmp);
        assertEquals(f.program.toString(), new Packer(new HostCoreAccess(), "test", "h")
                .capture(f.shellCommand(), FixtureProcess.READY, FixtureProcess.defaultTimeout(),
                        tmp.resolve("b.tar.gz")).manifest().exe());
    }
}

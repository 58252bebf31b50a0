package maze.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live fixture whose library exists only in a temporary folder is captured; the folder is
 * deleted; the bundle still holds the library under its link name. The core reader is a stand-in
 * here (see {@link ProcMapsAccess}); {@link RealCaptureTest} does the same with maze.core.
 */
class CaptureBundleTest {
    @TempDir
    Path tmp;

    @Test
    void libraryFromADeletedFolderTravelsInTheBundle() throws Exception {
        PackFixture.captureDeleteExtract(tmp, CaptureBundleTest::standIn, (f, b) -> {
            assertEquals(Files.size(b.core()), b.manifest().core().size());
            assertEquals(List.of("fixture.tar.gz", "x"), BundleExtractorTest.list(tmp).stream()
                    .map(p -> p.getFileName().toString()).sorted().toList(), "the scratch core is gone");
            assertGdbLoadsLibraryFromBundle(b);
        });
    }

    /** gdb, pointed at the bundle's sysroot only, finds the library by its link name and reads its symbols. */
    private static void assertGdbLoadsLibraryFromBundle(BundleExtractor b) throws Exception {
        Process gdb = new ProcessBuilder("gdb", "-nx", "-q", "-batch", "-iex", "set auto-load off",
                "-iex", "set sysroot " + b.sysroot(), "-iex", "set debug-file-directory " + b.debugDir(),
                "-ex", "info sharedlibrary", b.exe().toString(), b.core().toString()).redirectErrorStream(true).start();
        String out = new String(gdb.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        gdb.waitFor();
        String line = out.lines().filter(l -> l.contains(PackFixture.SONAME)).findFirst().orElse("");
        org.junit.jupiter.api.Assertions.assertTrue(line.contains(b.sysroot().toString()) && line.contains("Yes"), out);
    }

    private static CoreAccess standIn(PackFixture f) {
        String real = f.realLib().toString();
        return new ProcMapsAccess(Map.of(real, f.linkName()), Map.of(real, PackFixture.BUILD_ID));
    }
}

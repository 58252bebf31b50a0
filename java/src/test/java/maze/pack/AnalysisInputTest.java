package maze.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import maze.core.CoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain core passes through untouched; a bundle, whatever its name, is extracted and cleaned up. */
class AnalysisInputTest {
    @TempDir
    Path tmp;

    @Test
    void plainCorePassesThrough() throws Exception {
        Path core = Files.writeString(tmp.resolve("core.1.tar.gz"), "\u007fELF not a gzip");
        CoreOptions given = new CoreOptions(tmp.resolve("exe"), null);
        try (AnalysisInput in = AnalysisInput.of(core, given, tmp, BundleLimits.DEFAULT)) {
            assertEquals(core, in.core());
            assertEquals(given, in.options());
            assertNull(in.bundle());
        }
    }

    @Test
    void bundleIsExtractedAndRemoved() throws Exception {
        Path bundle = TestBundles.honest(tmp.resolve("core.42"));
        Path parent = Files.createDirectory(tmp.resolve("p"));
        Path root;
        try (AnalysisInput in = AnalysisInput.of(bundle, null, parent, BundleLimits.DEFAULT)) {
            root = in.bundle().root();
            assertEquals("CORE BYTES", Files.readString(in.core()));
            assertEquals(in.bundle().sysroot(), in.options().sysroot());
            assertEquals(in.bundle().exe(), in.options().exe());
            assertTrue(Files.isDirectory(in.debugDir()));
        }
        assertFalse(Files.exists(root));
    }

    @Test
    void userOptionsWinOverTheBundles() throws Exception {
        Path bundle = TestBundles.honest(tmp.resolve("b"));
        Path exe = tmp.resolve("my-exe");
        try (AnalysisInput in = AnalysisInput.of(bundle, new CoreOptions(exe, null), tmp, BundleLimits.DEFAULT)) {
            assertEquals(exe, in.options().exe());
            assertEquals(in.bundle().sysroot(), in.options().sysroot());
        }
    }
}

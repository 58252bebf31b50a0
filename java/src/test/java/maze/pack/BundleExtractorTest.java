package maze.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An honest bundle extracts into a usable tree; the folder goes away on close. */
class BundleExtractorTest {
    @TempDir
    Path tmp;
    Path parent;

    @BeforeEach
    void parentFolder() throws IOException {
        parent = Files.createDirectory(tmp.resolve("parent"));
    }

    @Test
    void extractsAnHonestBundleWithLinkNamesAndDebugDir() throws IOException {
        Path bundle = TestBundles.honest(tmp.resolve("b.tar.gz"));
        Path root;
        try (BundleExtractor b = BundleExtractor.extract(bundle, parent, BundleLimits.DEFAULT)) {
            root = b.root();
            assertTrue(root.startsWith(parent));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
            assertEquals("CORE BYTES", Files.readString(b.core()));
            assertEquals("EXE", Files.readString(b.exe()));
            assertEquals(b.sysroot().resolve("usr/bin/demo"), b.exe());
            assertEquals("LIB", Files.readString(b.sysroot().resolve("usr/lib/x86_64-linux-gnu/libdemo.so.1")));
            Path byLinkName = b.sysroot().resolve("lib/x86_64-linux-gnu/libdemo.so.1");
            assertFalse(Files.isSymbolicLink(byLinkName));
            assertEquals("LIB", Files.readString(byLinkName));
            assertEquals("DEBUG", Files.readString(b.debugDir().resolve(".build-id/ab/cdef01.debug")));
            assertEquals(b.sysroot(), b.coreOptions().sysroot());
            assertEquals(42, b.manifest().pid());
        }
        assertFalse(Files.exists(root, LinkOption.NOFOLLOW_LINKS), "removed on close");
        assertEquals(List.of(), list(parent));
    }

    @Test
    void toldByGzipMagicNotByName() throws IOException {
        Path bundle = TestBundles.honest(tmp.resolve("no-suffix"));
        Path notOne = Files.writeString(tmp.resolve("x.tar.gz"), "ELF...");
        assertTrue(BundleExtractor.isBundle(bundle));
        assertFalse(BundleExtractor.isBundle(notOne));
        assertFalse(BundleExtractor.isBundle(tmp.resolve("missing")));
    }

    static List<Path> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }
}

package maze.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import maze.core.CoreModel;
import maze.core.CoreOptions;
import maze.core.Module;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer packs what the model names, hashes it on the way, and the extractor gets it all back. */
class BundleWriterTest {
    static final String LIB = "/usr/lib/x86_64-linux-gnu/libdemo.so.1";
    static final String OLD = "/usr/lib/x86_64-linux-gnu/libold.so.2";

    @TempDir
    Path tmp;

    @Test
    void packsModulesDebugFilesAndManifestThenExtracts() throws IOException {
        byte[] coreBytes = new byte[3 << 20];
        new Random(7).nextBytes(coreBytes);
        Path core = Files.write(tmp.resolve("core.42"), coreBytes);
        Path exe = Files.writeString(tmp.resolve("demo"), "EXE");
        Path lib = Files.writeString(tmp.resolve("libdemo"), "LIB");
        Path old = Files.writeString(tmp.resolve("libold"), "OLD");
        Path debug = Files.writeString(tmp.resolve("libdemo.debug"), "DEBUG");
        List<Module> modules = List.of(
                new Module("/usr/bin/demo", "", 0x5555_0000_0000L, "e1e1", exe, "e1e1", true),
                new Module(LIB, "/lib/x86_64-linux-gnu/libdemo.so.1", 0x7f00_0000_0000L, "abcd01", lib, "abcd01", false),
                new Module(OLD, OLD, 0x7f00_1000_0000L, "0123", old, "9999", false),
                new Module("/gone/libgone.so", "/gone/libgone.so", 0, "77", null, null, false),
                new Module("/opt/copy/libdemo.so.1", "/opt/copy/libdemo.so.1", 0x7f00_2000_0000L, "abcd01", lib,
                        "abcd01", false));
        CoreModel model = new CoreModel(core, coreBytes.length, false, 42, 1, "demo", "demo --flag", "./demo",
                "/usr/bin/demo", List.of(), List.of(), List.of(), Map.of(), modules, List.of());
        CoreAccess access = new FakeAccess(model, Map.of(LIB, debug, "/opt/copy/libdemo.so.1", debug));

        Path out = tmp.resolve("out.tar.gz");
        Manifest m = new BundleWriter(access, "9.9", "packhost").write(model, out);
        assertFalse(Files.exists(tmp.resolve("out.tar.gz.partial")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)), "a core is private");
        checkManifest(m);

        try (BundleExtractor b = BundleExtractor.extract(out, tmp, BundleLimits.DEFAULT)) {
            assertEquals(m, b.manifest());
            assertArrayEquals(coreBytes, Files.readAllBytes(b.core()));
            assertEquals("EXE", Files.readString(b.exe()));
            assertEquals("LIB", Files.readString(b.sysroot().resolve("lib/x86_64-linux-gnu/libdemo.so.1")));
            assertEquals("OLD", Files.readString(b.sysroot().resolve(OLD.substring(1))));
            assertEquals("LIB", Files.readString(b.sysroot().resolve("opt/copy/libdemo.so.1")));
            assertEquals("DEBUG", Files.readString(b.debugDir().resolve(".build-id/ab/cd01.debug")));
            assertTrue(b.warnings().stream().anyMatch(w -> w.startsWith("BUILD-ID MISMATCH")), b.warnings().toString());
        }
    }

    private static void checkManifest(Manifest m) {
        assertEquals(42, m.pid());
        assertEquals("demo --flag", m.commandLine());
        assertEquals("/usr/bin/demo", m.exe());
        assertEquals("9.9", m.mazeVersion());
        assertEquals("packhost", m.host());
        Instant.parse(m.packedAt());
        assertEquals(5, m.modules().size());
        assertEquals(m.modules().get(1).debug(), m.modules().get(4).debug(), "one build-id, one debug entry");
        ManifestModule lib = m.modules().get(1);
        assertEquals("/lib/x86_64-linux-gnu/libdemo.so.1", lib.linkName());
        assertEquals(0x7f00_0000_0000L, lib.loadBias());
        assertEquals(3, lib.file().size());
        assertEquals("abcd01", lib.buildId());
        assertNull(lib.warning());
        assertTrue(m.modules().get(2).warning().contains("9999"), "mismatch is named");
        assertTrue(m.modules().get(3).warning().startsWith("NOT PACKED"));
        assertNull(m.modules().get(3).file());
        assertEquals(2, m.warnings().size());
    }

    /** A core reader stand-in: the model is given, debug files are looked up in a map. */
    record FakeAccess(CoreModel model, Map<String, Path> debug) implements CoreAccess {
        @Override
        public CoreModel read(Path core, CoreOptions options) {
            return model;
        }

        @Override
        public Path debugFile(Module module) {
            return debug.get(module.path());
        }
    }
}

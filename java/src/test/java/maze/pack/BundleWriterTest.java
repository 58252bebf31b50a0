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
        Path exe = elf("demo", "e1e1");
        Path lib = elf("libdemo", "abcd01");
        Path old = elf("libold", "9999");
        Path debug = elf("libdemo.debug", "abcd01");
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
        try (var left = Files.list(tmp)) {
            assertFalse(left.anyMatch(p -> p.toString().endsWith(".partial")), "no temporary file left");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)), "a core is private");
        checkManifest(m);

        try (BundleExtractor b = BundleExtractor.extract(out, tmp, BundleLimits.DEFAULT)) {
            assertEquals(m, b.manifest());
            assertArrayEquals(coreBytes, Files.readAllBytes(b.core()));
            assertEquals(-1, Files.mismatch(exe, b.exe()));
            assertEquals(-1, Files.mismatch(lib, b.sysroot().resolve("lib/x86_64-linux-gnu/libdemo.so.1")));
            assertFalse(Files.exists(b.sysroot().resolve(OLD.substring(1))), "another build: left out");
            assertEquals(-1, Files.mismatch(lib, b.sysroot().resolve("opt/copy/libdemo.so.1")));
            assertEquals(-1, Files.mismatch(debug, b.debugDir().resolve(".build-id/ab/cd01.debug")));
            assertTrue(b.warnings().stream().anyMatch(w -> w.contains("BUILD-ID MISMATCH")), b.warnings().toString());
        }
    }

    /** A small shared library whose build-id note is {@code id}. */
    Path elf(String name, String id) throws IOException {
        return elfIn(tmp, name, id);
    }

    Path elfIn(Path dir, String name, String id) throws IOException {
        try {
            return maze.gdb.CBuild.compile("shapes.c", dir.resolve(name), "-shared", "-fPIC", "-Wl,--build-id=0x" + id);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkManifest(Manifest m) throws IOException {
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
        assertEquals(Files.size(tmp.resolve("libdemo")), lib.file().size());
        assertEquals("abcd01", lib.buildId());
        assertNull(lib.warning());
        assertTrue(m.modules().get(2).warning().startsWith("NOT PACKED") && m.modules().get(2).warning().contains("9999"),
                "mismatch is named and left out");
        assertNull(m.modules().get(2).file());
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

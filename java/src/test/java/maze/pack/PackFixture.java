package maze.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import maze.testing.Fixtures;

/**
 * tests/fixtures/pack_fixture with its library copied into a folder of its own (the only place
 * the program finds it), as a real file and a soname link: so the link name the dynamic linker
 * uses ({@code libpackdemo.so.1}) differs from the real path ({@code libpackdemo.so.1.0}).
 */
final class PackFixture {
    static final String BUILD_ID = "5061636b44656d6f4c69627261727931"; // fixed in tests/fixtures/CMakeLists.txt
    static final String SONAME = "libpackdemo.so.1";
    static final String FILE = "libpackdemo.so.1.0";

    final Path program;
    final Path libDir;

    private PackFixture(Path program, Path libDir) {
        this.program = program;
        this.libDir = libDir;
    }

    static PackFixture in(Path tmp) throws IOException {
        Path program = Fixtures.binary("pack_fixture");
        Path built = Fixtures.dir().resolve(FILE);
        Fixtures.require(Files.isRegularFile(built), built + " was not built (CMake builds tests/fixtures)");
        Path dir = Files.createDirectory(tmp.resolve("libs"));
        Files.copy(built, dir.resolve(FILE));
        Files.createSymbolicLink(dir.resolve(SONAME), Path.of(FILE));
        return new PackFixture(program.toRealPath(), dir.toRealPath());
    }

    /** The program with its library path, run directly through env (which execs it). */
    List<String> command() {
        return List.of("env", "LD_LIBRARY_PATH=" + libDir, program.toString(), "50");
    }

    /** The same through a shell that forks it. */
    List<String> shellCommand() {
        return List.of("sh", "-c", "LD_LIBRARY_PATH='" + libDir + "' '" + program + "' 50");
    }

    /** {@code prefix} (a wrapper such as stdbuf -oL) before {@link #command()}. */
    List<String> wrapped(String... prefix) {
        List<String> c = new ArrayList<>(List.of(prefix));
        c.addAll(command());
        return c;
    }

    Path realLib() {
        return libDir.resolve(FILE);
    }

    String linkName() {
        return libDir.resolve(SONAME).toString();
    }

    void deleteLibs() throws IOException {
        Folders.deleteTree(libDir);
        assertFalse(Files.exists(libDir));
    }

    /** The extracted sysroot holds the library under its link name: the very bytes, with the build-id note. */
    void assertHoldsLibrary(BundleExtractor b, byte[] original) throws IOException {
        Path byLink = b.sysroot().resolve(linkName().substring(1));
        Path byReal = b.sysroot().resolve(realLib().toString().substring(1));
        assertTrue(Files.isRegularFile(byLink) && !Files.isSymbolicLink(byLink), byLink + " in the sysroot");
        byte[] packed = Files.readAllBytes(byLink);
        assertEquals(Hashing.hex(Hashing.sha256().digest(original)), Hashing.hex(Hashing.sha256().digest(packed)));
        assertTrue(contains(packed, HexFormat.of().parseHex(BUILD_ID)), "build-id note in the packed library");
        assertTrue(Files.isSameFile(byLink, byReal));
    }

    /** What a test checks in the extracted bundle, after the common checks. */
    interface Check {
        void check(PackFixture f, BundleExtractor b) throws Exception;
    }

    /**
     * Captures the fixture with {@code access} as core reader, deletes the library folder, extracts
     * the bundle and checks it: manifest complete, library under its link name, the fixture as exe.
     */
    static void captureDeleteExtract(Path tmp, java.util.function.Function<PackFixture, CoreAccess> access, Check more)
            throws Exception {
        PackFixture f = in(tmp);
        byte[] original = Files.readAllBytes(f.realLib());
        Path out = tmp.resolve("fixture.tar.gz");
        new Packer(access.apply(f), "test", "testhost")
                .capture(f.command(), maze.testing.FixtureProcess.READY, maze.testing.FixtureProcess.defaultTimeout(), out);
        f.deleteLibs();
        try (BundleExtractor b = BundleExtractor.extract(out, Files.createDirectory(tmp.resolve("x")), BundleLimits.DEFAULT)) {
            assertComplete(b.manifest());
            f.assertHoldsLibrary(b, original);
            assertEquals(f.program.toString(), b.manifest().exe());
            assertTrue(Files.isRegularFile(b.exe()));
            more.check(f, b);
        }
    }

    static void assertComplete(Manifest m) {
        assertTrue(m.pid() > 0);
        assertNotNull(m.commandLine());
        assertNotNull(m.exe());
        assertFalse(m.host().isBlank());
        assertNotNull(m.mazeVersion());
        Instant.parse(m.packedAt());
        assertEquals(64, m.core().sha256().length());
        assertTrue(m.core().size() > 0);
        for (ManifestModule mod : m.modules()) {
            assertNotNull(mod.linkName(), mod.toString());
            // a file on disk is packed or warned about; the vdso has none (the core holds it)
            boolean onDisk = mod.path().startsWith("/");
            assertTrue(onDisk ? mod.file() != null || mod.warning() != null : mod.file() == null, mod.toString());
        }
        assertTrue(m.modules().stream().filter(mod -> mod.file() != null).count() >= 3, "exe, a library, libc");
        assertEquals(1, m.modules().stream().filter(ManifestModule::executable).count());
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

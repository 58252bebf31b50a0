package maze.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import maze.core.CoreModel;
import maze.core.Module;
import maze.output.OutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pack writes only files the run created and packs only files it can prove the process ran: a
 * core's notes are written by the process's owner, who may name any file or plant links.
 */
class PackProofTest {
    static final String LIB = "/usr/lib/libproof.so.1";

    @TempDir
    Path tmp;

    @Test
    void aCoreNamedLikeThePartialFileSurvivesPacking() throws IOException {
        Path core = Files.write(tmp.resolve("c.partial"), new byte[4096]);
        Path out = tmp.resolve("c");
        Manifest m = writer(List.of()).write(model(core, List.of()), out);
        assertEquals(4096, Files.size(core), "the input core is untouched");
        assertEquals(4096, m.core().size());
        try (BundleExtractor b = BundleExtractor.extract(out, tmp, BundleLimits.DEFAULT)) {
            assertEquals(4096, Files.size(b.core()));
        }
    }

    @Test
    void aFileNamedOutPartialIsNeitherReplacedNorRemoved() throws IOException {
        Path core = Files.write(tmp.resolve("core.1"), new byte[100]);
        Path mine = Files.writeString(tmp.resolve("b.tar.gz.partial"), "mine");
        writer(List.of()).write(model(core, List.of()), tmp.resolve("b.tar.gz"));
        assertEquals("mine", Files.readString(mine));
    }

    @Test
    void aLinkPlantedUnderTheMappedPathIsNotFollowed() throws IOException {
        Path secret = Files.writeString(tmp.resolve("shadow"), "root:secret");
        Path lib = Files.createSymbolicLink(tmp.resolve("libproof.so.1"), secret);
        Manifest m = pack(new Module(LIB, LIB, 0, "abcd01", lib, null, false));
        assertNotPacked(m, "symbolic link");
    }

    @Test
    void aFolderLinkOnTheWayIsNotFollowed() throws IOException {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path lib = new BundleWriterTest().elfIn(real, "libproof.so.1", "abcd01");
        Path via = Files.createSymbolicLink(tmp.resolve("via"), real);
        Manifest m = pack(new Module(LIB, LIB, 0, "abcd01", via.resolve(lib.getFileName()), "abcd01", false));
        assertNotPacked(m, "symbolic link");
    }

    @Test
    void aPlainFileThatIsNoElfIsNotPacked() throws IOException {
        Path shadow = Files.writeString(tmp.resolve("shadow"), "root:secret");
        Manifest m = pack(new Module("/etc/shadow", "/etc/shadow", 0, "abcd01", shadow, null, false));
        assertNotPacked(m, "no readable ELF");
    }

    @Test
    void anElfWithAnotherBuildIdIsLeftOutUnlessAsked() throws IOException {
        Path lib = new BundleWriterTest().elfIn(tmp, "libproof.so.1", "9999");
        Module mod = new Module(LIB, LIB, 0, "abcd01", lib, "9999", false);
        assertNotPacked(pack(mod), "BUILD-ID MISMATCH");

        Path core = Files.write(tmp.resolve("core.2"), new byte[100]);
        Path out = tmp.resolve("unverified.tar.gz");
        try (OutputFile f = OutputFile.check(out, "-o", List.of(), true)) {
            Manifest m = writer(List.of()).write(model(core, List.of(mod)), f, new PackOptions(null, true));
            assertNotNull(m.modules().get(0).file(), "packed when asked");
            assertTrue(m.warnings().get(0).startsWith("PACKED UNVERIFIED (--include-unverified)"), m.warnings().toString());
        }
    }

    @Test
    void aDoubleSlashPathIsPackedWhereTheExtractorAcceptsIt() throws IOException {
        Path lib = new BundleWriterTest().elfIn(tmp, "libproof.so.1", "abcd01");
        Manifest m = pack(new Module("/usr//lib/./libproof.so.1", LIB, 0, "abcd01", lib, "abcd01", false));
        assertEquals(LIB, m.modules().get(0).path());
        assertNull(m.modules().get(0).warning());
        try (BundleExtractor b = BundleExtractor.extract(tmp.resolve("b.tar.gz"), tmp, BundleLimits.DEFAULT)) {
            assertEquals(-1, Files.mismatch(lib, b.sysroot().resolve(LIB.substring(1))));
        }
    }

    private Manifest pack(Module mod) throws IOException {
        Path core = Files.write(tmp.resolve("core.1"), new byte[100]);
        return writer(List.of()).write(model(core, List.of(mod)), tmp.resolve("b.tar.gz"));
    }

    private void assertNotPacked(Manifest m, String why) throws IOException {
        ManifestModule mod = m.modules().get(0);
        assertNull(mod.file(), mod.toString());
        assertTrue(mod.warning().startsWith("NOT PACKED") && mod.warning().contains(why), mod.warning());
        try (BundleExtractor b = BundleExtractor.extract(tmp.resolve("b.tar.gz"), tmp, BundleLimits.DEFAULT)) {
            try (var files = Files.walk(b.sysroot())) {
                assertFalse(files.anyMatch(Files::isRegularFile), "nothing in the sysroot");
            }
        }
    }

    static CoreModel model(Path core, List<Module> modules) throws IOException {
        return new CoreModel(core, Files.size(core), false, 42, 1, "demo", "demo", "./demo", "/usr/bin/demo",
                List.of(), List.of(), List.of(), Map.of(), modules, List.of());
    }

    private BundleWriter writer(List<Path> unused) {
        return new BundleWriter(new BundleWriterTest.FakeAccess(null, Map.of()), "test", "h");
    }
}

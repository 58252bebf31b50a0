package maze.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import maze.gdb.CBuild;
import maze.gdb.GdbTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The part of ElfFile the layout cache relies on: build-id and debuglink. */
class ElfFileBuildIdTest {
    @TempDir
    Path tmp;

    @Test
    void buildIdAsTheLinkerWroteIt() throws Exception {
        Path so = CBuild.compile("shapes.c", tmp.resolve("libid.so"), "-shared", "-fPIC", "-Wl,--build-id=0x00c0ffee1234");
        try (ElfFile elf = ElfFile.open(so)) {
            assertEquals("00c0ffee1234", elf.buildId());
            assertNull(elf.debugLink());
        }
    }

    @Test
    void noBuildIdAndADebugLink() throws Exception {
        Path so = CBuild.compile("shapes.c", tmp.resolve("libnoid.so"), "-g", "-shared", "-fPIC", "-Wl,--build-id=none");
        Path debug = tmp.resolve("libnoid.so.debug");
        Files.copy(so, debug);
        CBuild.run(List.of("objcopy", "--strip-debug", "--add-gnu-debuglink=" + debug, so.toString()));
        try (ElfFile elf = ElfFile.open(so)) {
            assertNull(elf.buildId());
            assertEquals("libnoid.so.debug", elf.debugLink());
        }
    }

    @Test
    void glibcsBuildIdNamesItsInstalledDebugFile() throws Exception {
        GdbTesting.requireGlibcDebugFiles();
        try (ElfFile elf = ElfFile.open(GdbTesting.LIBC)) {
            String id = elf.buildId();
            assertEquals(40, id.length());
            Path debug = Path.of("/usr/lib/debug/.build-id", id.substring(0, 2), id.substring(2) + ".debug");
            assertTrue(Files.exists(debug), debug + " (from libc6-dbg)");
        }
    }

    @Test
    void notAnElfFile() throws Exception {
        Path text = Files.writeString(tmp.resolve("x.so"), "hello");
        assertThrows(CoreFormatException.class, () -> ElfFile.open(text).close());
    }
}

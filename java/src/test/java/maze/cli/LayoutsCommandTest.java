package maze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import maze.core.ElfFile;
import maze.gdb.CBuild;
import maze.gdb.GdbTesting;
import maze.testing.MimallocBuilds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutsCommandTest {
    @TempDir
    Path tmp;
    String out;
    String err;

    @BeforeEach
    void privateCache() {
        System.setProperty("maze.cache.dir", tmp.resolve("cache").toString());
    }

    @AfterEach
    void standardCache() {
        System.clearProperty("maze.cache.dir");
    }

    private int maze(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    @Tag("gdb")
    @Test
    void mallocStateOfThisMachinesLibc() throws Exception {
        GdbTesting.requireGlibcDebugInfo();
        assertEquals(0, maze("layouts", GdbTesting.LIBC.toString(), "malloc_state", "heap_info"), err);
        JsonNode json = new ObjectMapper().readTree(out);
        assertEquals(2200, json.path("malloc_state").path("size").asLong());
        assertEquals(2160, json.path("malloc_state").path("fields").path("next").path("offset").asLong());
        assertEquals(8, json.path("malloc_state").path("fields").path("next").path("size").asLong());
        assertEquals(48, json.path("heap_info").path("size").asLong());
        assertTrue(Files.list(tmp.resolve("cache").resolve("layouts")).findAny().isPresent(), "cached");
    }

    @Tag("gdb")
    @Test
    void bitfieldsShowTheirBitPositionAndWidth() throws Exception {
        GdbTesting.requireGlibcDebugInfo();
        assertEquals(0, maze("layouts", GdbTesting.LD_SO.toString(), "link_map"), err);
        JsonNode lm = new ObjectMapper().readTree(out).path("link_map").path("fields");
        assertEquals(1144, lm.path("l_tls_offset").path("offset").asLong());
        assertEquals(6, lm.path("l_reserved").path("bitpos").asInt());
        assertEquals(2, lm.path("l_reserved").path("bitsize").asInt());
    }

    @Tag("gdb")
    @Test
    void aDebugFileDirectoryHoldingTheBuildIdPath() throws Exception {
        GdbTesting.requireGlibcDebugInfo();
        Path dir = tmp.resolve("debug");
        GdbTesting.copyLibcDebugFileInto(dir);
        String id = GdbTesting.libcBuildId();
        assertEquals(0, maze("layouts", GdbTesting.LIBC.toString(), "malloc_chunk", "--no-cache",
                "--debug-file-directory", dir.toString()), err);
        assertEquals(48, new ObjectMapper().readTree(out).path("malloc_chunk").path("size").asLong());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(4, maze("layouts", GdbTesting.LIBC.toString(), "malloc_chunk", "--no-cache",
                "--debug-file-directory", empty.toString()));
        assertTrue(err.contains(empty.toString()) && err.contains(id), err);
    }

    @Tag("gdb")
    @Test
    void aLibraryWithoutDwarfExitsWithCode4NamingFileBuildIdAndPlaces() throws Exception {
        GdbTesting.requireGdb();
        Path so = CBuild.compile("shapes.c", tmp.resolve("libplain.so"), "-shared", "-fPIC", "-Wl,--build-id=0xabcdef01");
        CBuild.run(List.of("strip", "--strip-debug", so.toString()));
        assertEquals(4, maze("layouts", so.toString(), "shapes"));
        assertTrue(err.startsWith("maze: no DWARF debug info for " + so + " (build-id abcdef01)"), err);
        assertTrue(err.contains("/usr/lib/debug (as .build-id/ab/cdef01.debug)"), err);
        assertEquals("", out);
    }

    @Tag("gdb")
    @Test
    void anUnknownStructIsCode4AndAMissingFileCode3() {
        GdbTesting.requireGlibcDebugInfo();
        assertEquals(4, maze("layouts", GdbTesting.LIBC.toString(), "no_such_struct_here"));
        assertTrue(err.contains("no struct, union or type named 'no_such_struct_here'"), err);
        assertEquals(3, maze("layouts", tmp.resolve("nope.so").toString(), "x"));
        assertEquals(2, maze("layouts", GdbTesting.LIBC.toString()));
    }

    /** --table: derived from DWARF for a mimalloc build; refused without DWARF, for other files and names. */
    @Tag("gdb")
    @Test
    void aTableFromAMimallocBuildAndItsRefusals() throws Exception {
        GdbTesting.requireGdb();
        Path project = Path.of(System.getProperty("maze.project.dir", ".")).toAbsolutePath();
        MimallocBuilds.Build b = MimallocBuilds.reference(project).get(MimallocBuilds.REFERENCE_TAGS.indexOf("v3.4.3"));
        assertEquals(0, maze("layouts", b.path().toString(), "--table", "mimalloc"), err);
        String id;
        try (ElfFile elf = ElfFile.open(b.path())) {
            id = elf.buildId();
        }
        assertTrue(out.contains("\nversion 3.4.3\nbuild-id " + id + "\n\nstruct mi_page_t "), out);
        Path stripped = tmp.resolve("libmimalloc.so.3");
        CBuild.run(List.of("strip", "--strip-debug", "-o", stripped.toString(), b.path().toString()));
        assertEquals(4, maze("layouts", stripped.toString(), "--table", "mimalloc"));
        assertTrue(err.contains(stripped + " has no DWARF"), err);
        assertEquals(3, maze("layouts", GdbTesting.LIBC.toString(), "--table", "mimalloc"));
        assertTrue(err.contains("is not a mimalloc library"), err);
        assertEquals(2, maze("layouts", b.path().toString(), "--table", "nosuch"));
        assertTrue(err.contains("no layout tables for 'nosuch' (known: mimalloc"), err);
    }
}

package maze.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import maze.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search order of separate debug files, on a made-up tree. */
class DebugFilesTest {
    @TempDir
    Path tmp;

    private Path elfAt(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.copy(Fixtures.binary("info_fixture"), p);
    }

    @Test
    void candidatesInGdbOrder() {
        Path dir = tmp.resolve("debug");
        Path lib = tmp.resolve("lib/libx.so");
        List<Path> c = new DebugFiles(List.of(dir)).candidates(lib, "abcdef", "libx.debug");
        assertEquals(List.of(dir.resolve(".build-id/ab/cdef.debug"), tmp.resolve("lib/libx.debug"),
                tmp.resolve("lib/.debug/libx.debug"), Path.of(dir + "/" + tmp + "/lib/libx.debug")), c);
    }

    @Test
    void anAnalysisSearchesTheGivenDirsThenTheDefaultThenTheSysrootsDefault() {
        Path given = tmp.resolve("given");
        Path sysroot = tmp.resolve("root");
        assertEquals(List.of(given, DebugFiles.DEFAULT_DIR, sysroot.resolve("usr/lib/debug")),
                DebugFiles.forAnalysis(List.of(given, DebugFiles.DEFAULT_DIR), sysroot).dirs());
        assertEquals(List.of(DebugFiles.DEFAULT_DIR), DebugFiles.forAnalysis(List.of(), null).dirs());
    }

    @Test
    void buildIdPathFirst() throws IOException {
        Path dir = tmp.resolve("debug");
        Path lib = tmp.resolve("lib/libx.so");
        String id;
        try (ElfFile f = ElfFile.open(Fixtures.binary("info_fixture"))) {
            id = f.buildId();
        }
        Path byId = elfAt(dir.resolve(".build-id/" + id.substring(0, 2) + "/" + id.substring(2) + ".debug"));
        elfAt(tmp.resolve("lib/libx.debug"));
        assertEquals(byId, new DebugFiles(List.of(dir)).find(lib, id, "libx.debug"));
    }

    @Test
    void debugLinkInDotDebugThenUnderDebugDir() throws IOException {
        Path dir = tmp.resolve("debug");
        Path lib = tmp.resolve("lib/libx.so");
        Path under = elfAt(Path.of(dir + "/" + tmp + "/lib/libx.debug"));
        DebugFiles df = new DebugFiles(List.of(dir));
        assertEquals(under, df.find(lib, null, "libx.debug"));
        Path dotDebug = elfAt(tmp.resolve("lib/.debug/libx.debug"));
        assertEquals(dotDebug, df.find(lib, null, "libx.debug"));
    }

    @Test
    void aDebugFileOfAnotherBuildIsSkipped() throws IOException {
        elfAt(tmp.resolve("lib/libx.debug"));
        assertNull(new DebugFiles(List.of(tmp.resolve("debug"))).find(tmp.resolve("lib/libx.so"),
                "00112233445566778899", "libx.debug"));
    }

    @Test
    void nothingFound() {
        assertNull(new DebugFiles(List.of(tmp)).find(tmp.resolve("libx.so"), "aabbcc", null));
    }

    @Test
    void aDebugLinkThatIsAPathOrNoElfFileIsNotFollowed() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "not a debug file");
        Path lib = tmp.resolve("lib/libx.so");
        DebugFiles df = new DebugFiles(List.of(tmp.resolve("debug")));
        assertNull(df.find(lib, null, "../secret.txt"), "a link out of the module's folder");
        assertEquals(List.of(), df.candidates(lib, null, "../secret.txt"));
        Files.createDirectories(lib.getParent());
        Files.copy(secret, tmp.resolve("lib/libx.debug"));
        assertNull(df.find(lib, null, "libx.debug"), "a file that is not ELF");
    }
}

package maze.gdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import maze.core.ElfFile;
import maze.testing.Fixtures;

/** Preconditions of the tests that run the real gdb and read this machine's glibc. */
public final class GdbTesting {
    public static final Path LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
    public static final Path LD_SO = Path.of("/lib64/ld-linux-x86-64.so.2");

    private GdbTesting() {
    }

    /** The build-id of this machine's libc. */
    public static String libcBuildId() throws IOException {
        try (ElfFile elf = ElfFile.open(LIBC)) {
            return elf.buildId();
        }
    }

    /** Copies libc's installed debug file to {@code dir}/.build-id/xx/rest.debug; returns the copy. */
    public static Path copyLibcDebugFileInto(Path dir) throws IOException {
        String id = libcBuildId();
        Path rel = Path.of(".build-id", id.substring(0, 2), id.substring(2) + ".debug");
        Path copy = dir.resolve(rel);
        Files.createDirectories(copy.getParent());
        Files.copy(Path.of("/usr/lib/debug").resolve(rel), copy);
        return copy;
    }

    public static void requireGdb() {
        String gdb = System.getenv("MAZE_GDB");
        if (gdb != null && gdb.startsWith("gdb-not-run-by-untagged-tests")) { // mvn test -Pfast
            throw new AssertionError("this test runs gdb but has no @Tag(\"gdb\") or @Tag(\"gcore\")");
        }
        Fixtures.require(CBuild.onPath("gdb"), "gdb is not on the PATH");
    }

    /** gdb plus glibc with its debug info (libc6-dbg), as on the Debian 12 x86-64 CI machine. */
    public static void requireGlibcDebugInfo() {
        requireGdb();
        requireGlibcDebugFiles();
    }

    /** glibc and its installed debug files (libc6-dbg), read without gdb. */
    public static void requireGlibcDebugFiles() {
        Fixtures.require(Files.isReadable(LIBC) && Files.isReadable(LD_SO), "no " + LIBC + " / " + LD_SO);
        Fixtures.require(Files.isDirectory(Path.of("/usr/lib/debug/.build-id")), "libc6-dbg is not installed");
    }
}

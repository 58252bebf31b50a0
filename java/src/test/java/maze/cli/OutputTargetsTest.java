package maze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import maze.gdb.CBuild;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import maze.testing.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that writes a file refuses names it must never replace (an input, a device, a
 * FIFO, a folder), fails at once when the file cannot be written, reports failed writes (stdout
 * included) as one line with exit 3, and leaves no partial file behind.
 */
@Tag("gcore")
class OutputTargetsTest {
    @TempDir
    static Path shared;
    static Path core;
    static Path exe;

    @TempDir
    Path tmp;

    @BeforeAll
    static void capture() throws Exception {
        exe = Fixtures.binary("info_fixture").toRealPath();
        try (FixtureProcess fp = FixtureProcess.start(List.of(exe.toString()), shared, FixtureProcess.defaultTimeout())) {
            core = fp.gcore(shared);
        }
    }

    @Test
    void theExecutableIsNeverTheOutput() throws IOException {
        Path e = Files.copy(exe, tmp.resolve("E"));
        byte[] before = Files.readAllBytes(e);
        refused("pack", core.toString(), "--exe", e.toString(), "-o", e.toString());
        refused("analyze", core.toString(), "--exe", e.toString(), "--json", e.toString());
        refused("blocks", core.toString(), "--exe", e.toString(), "-o", e.toString());
        Path hardLink = Files.createLink(tmp.resolve("E2"), e);
        refused("analyze", core.toString(), "--exe", e.toString(), "--json", hardLink.toString());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(e)), "the executable is untouched");
    }

    @Test
    void anOutputInsideAnInputFolderIsRefused() throws IOException {
        Path sysroot = Files.createDirectories(tmp.resolve("sysroot/usr/lib"));
        refused("analyze", core.toString(), "--sysroot", tmp.resolve("sysroot").toString(), "--json",
                sysroot.resolve("x.json").toString());
    }

    @Test
    void fifosFoldersAndLinksToThemAreRefused() throws Exception {
        Path fifo = tmp.resolve("fifo");
        CBuild.run(List.of("mkfifo", fifo.toString()));
        Path link = Files.createSymbolicLink(tmp.resolve("to-fifo"), fifo);
        for (Path out : List.of(fifo, link, tmp)) {
            refused("pack", core.toString(), "-o", out.toString());
            refused("blocks", core.toString(), "-o", out.toString());
            refused("analyze", core.toString(), "--json", out.toString());
        }
        assertTrue(Files.isSymbolicLink(link) && !Files.isRegularFile(fifo), "both left as they were");
    }

    @Test
    void aDeviceNodeIsNeverReplaced() throws Exception {
        requireRoot("mknod needs root");
        Path dev = tmp.resolve("full");
        CBuild.run(List.of("mknod", dev.toString(), "c", "1", "7")); // what /dev/full is, in a temp folder
        refused("pack", core.toString(), "-o", dev.toString());
        refused("blocks", core.toString(), "-o", dev.toString());
        refused("analyze", core.toString(), "--json", dev.toString());
        assertTrue(Files.readAttributes(dev, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .isOther(), "still a device node");
    }

    @Test
    void captureChecksItsOutputBeforeStartingAnything() throws IOException {
        Path marker = tmp.resolve("started");
        refused("capture", "-o", tmp.toString(), "--", "touch", marker.toString());
        assertFalse(Files.exists(marker), "the command never ran");
    }

    @Test
    void aMissingFolderFailsBeforeTheAnalysis() throws IOException {
        Path notACore = Files.writeString(tmp.resolve("not-a-core"), "text");
        CliRun r = CliRun.maze("analyze", notACore.toString(), "--json", "/no/such/dir/x");
        assertEquals(ExitCode.BAD_INPUT.code, r.exit());
        assertEquals("maze: cannot write /no/such/dir/x: its folder /no/such/dir does not exist", r.err().strip());
    }

    @Test
    void aFullStdoutIsAnError() {
        for (String[] args : List.of(new String[] {"blocks", core.toString()}, new String[] {"info", core.toString()},
                new String[] {"analyze", core.toString(), "--json", "-"})) {
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            java.io.ByteArrayOutputStream errBytes = new java.io.ByteArrayOutputStream();
            int code;
            try {
                System.setOut(new PrintStream(new Full(), true));
                System.setErr(new PrintStream(errBytes, true));
                code = Main.run(args);
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            String err = errBytes.toString();
            assertEquals(ExitCode.BAD_INPUT.code, code, String.join(" ", args) + ": " + err);
            assertTrue(err.contains("cannot write stdout"), err);
        }
    }

    @Test
    void aFullDiskLeavesNoPartialFile() throws Exception {
        requireRoot("mounting a small tmpfs needs root");
        Path small = Files.createDirectory(tmp.resolve("small"));
        CBuild.run(List.of("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString()));
        try {
            Path filler = small.resolve("filler");
            try (OutputStream o = Files.newOutputStream(filler)) {
                o.write(new byte[64 << 10]);
            } catch (IOException full) {
                // the disk is full now: every output below must fail
            }
            for (String[] args : List.of(new String[] {"pack", core.toString(), "-o", small.resolve("b.tar.gz").toString()},
                    new String[] {"blocks", core.toString(), "-o", small.resolve("b.jsonl").toString()})) {
                CliRun r = CliRun.maze(args);
                assertEquals(ExitCode.BAD_INPUT.code, r.exit(), r.err());
                assertEquals(1, r.err().strip().lines().filter(l -> !l.startsWith("maze: WARNING")).count(), r.err());
                assertTrue(r.err().contains("cannot write " + small) && r.err().contains("No space left"), r.err());
                try (Stream<Path> left = Files.list(small)) {
                    assertEquals(List.of(filler), left.toList(), "no partial file left");
                }
            }
        } finally {
            CBuild.run(List.of("umount", small.toString()));
        }
    }

    private static void refused(String... args) {
        CliRun r = CliRun.maze(args);
        assertEquals(ExitCode.USAGE.code, r.exit(), String.join(" ", args) + ": " + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("name another file"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    static void requireRoot(String why) {
        Fixtures.require("root".equals(System.getProperty("user.name")), why);
    }

    /** A stdout on a full disk. */
    static final class Full extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }
}

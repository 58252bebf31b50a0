package maze.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GdbSessionTest {
    @TempDir
    Path tmp;

    @Tag("gdb")
    @Test
    void consoleOutputOfACommandComesWithItsReply() {
        GdbTesting.requireGlibcDebugInfo();
        try (GdbSession gdb = GdbSession.start(GdbOptions.defaults())) {
            gdb.loadFile(GdbTesting.LIBC);
            String ptype = gdb.console("ptype /o struct malloc_state");
            assertTrue(ptype.contains("total size (bytes): 2200 */"), ptype);
            assertTrue(ptype.contains("struct malloc_state *next;"), ptype);
        }
    }

    @Tag("gdb")
    @Test
    void pipelinedCommandsGetTheirOwnRepliesInOrder() {
        GdbTesting.requireGdb();
        List<String> cmds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            cmds.add(GdbSession.consoleCommand("echo n" + i + "\\n"));
        }
        cmds.add(5, "-no-such-command");
        try (GdbSession gdb = GdbSession.start(GdbOptions.defaults())) {
            List<MiReply> replies = gdb.sendAll(cmds);
            assertEquals(31, replies.size());
            assertEquals("n0\n", replies.get(0).console());
            assertTrue(replies.get(5).isError());
            assertEquals("n5\n", replies.get(6).console());
            assertEquals("n29\n", replies.get(30).console());
        }
    }

    @Tag("gdb")
    @Test
    void anErrorReplyBecomesACommandExceptionWithGdbsWords() {
        GdbTesting.requireGdb();
        try (GdbSession gdb = GdbSession.start(GdbOptions.defaults())) {
            GdbCommandException e = assertThrows(GdbCommandException.class,
                    () -> gdb.console("ptype struct no_such_struct_here"));
            assertEquals("No struct type named no_such_struct_here.", e.gdbMessage());
            assertEquals("ok\n", gdb.console("echo ok\\n"), "the session goes on after an error");
        }
    }

    @Tag("gdb")
    @Test
    void startingCountsAndAutoLoadIsOff() {
        GdbTesting.requireGdb();
        long before = GdbSession.starts();
        try (GdbSession gdb = GdbSession.start(GdbOptions.defaults())) {
            assertEquals(before + 1, GdbSession.starts());
            String show = gdb.console("show auto-load python-scripts");
            assertTrue(show.contains("off"), show);
        }
    }

    @Test
    void aMissingGdbIsAGdbException() {
        GdbException e = assertThrows(GdbException.class,
                () -> GdbSession.start(GdbOptions.defaults().withGdb(tmp.resolve("no-gdb").toString())));
        assertTrue(e.getMessage().startsWith("cannot start gdb"), e.getMessage());
    }

    @Test
    void aGdbThatDiesReportsItsStatusAndStderr() throws IOException {
        Path fake = script("echo 'gdb: unrecognized option' >&2; exit 3");
        try (GdbSession gdb = GdbSession.start(GdbOptions.defaults().withGdb(fake.toString()))) {
            GdbException e = assertThrows(GdbException.class, () -> gdb.send("-gdb-version"));
            assertTrue(e.getMessage().contains("exited with status 3"), e.getMessage());
            assertTrue(e.getMessage().contains("gdb: unrecognized option"), e.getMessage());
        }
    }

    @Test
    void aCommandThatNeverAnswersIsKilledAtTheLimit() throws IOException {
        Path fake = script("exec sleep 30");
        GdbOptions o = GdbOptions.defaults().withGdb(fake.toString()).withCommandTimeout(Duration.ofMillis(300));
        try (GdbSession gdb = GdbSession.start(o)) {
            long t0 = System.nanoTime();
            GdbException e = assertThrows(GdbException.class, () -> gdb.send("-gdb-version"));
            assertTrue(e.getMessage().contains("no answer to `-gdb-version`"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos());
        }
    }

    @Tag("gdb")
    @Test
    void closeEndsTheProcess() {
        GdbTesting.requireGdb();
        GdbSession gdb = GdbSession.start(GdbOptions.defaults());
        gdb.console("echo hi\\n");
        gdb.close();
        assertThrows(GdbException.class, () -> gdb.send("-gdb-version"));
        assertFalse(gdb.stderr().contains("Exception"));
    }

    private Path script(String body) throws IOException {
        Path p = tmp.resolve("fake-gdb");
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }
}

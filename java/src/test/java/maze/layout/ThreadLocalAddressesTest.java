package maze.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import maze.gdb.CBuild;
import maze.gdb.GdbOptions;
import maze.gdb.GdbTesting;
import maze.gdb.MiReply;
import maze.gdb.mi.MiParser;
import maze.gdb.mi.MiResultRecord;
import maze.gdb.mi.Transcripts;
import maze.testing.FixtureProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadLocalAddressesTest {
    @TempDir
    Path tmp;

    @Test
    void threadIdsToLwpsFromARecordedThreadInfo() {
        MiResultRecord r = (MiResultRecord) MiParser.parse(Transcripts.line("core.mi", "5^done"));
        Map<String, Long> threads = ThreadLocalAddresses.threads(new MiReply("-thread-info", r, "", ""));
        assertEquals(Map.of("1", 10230L, "2", 10232L, "3", 10233L), threads);
    }

    @Test
    void everyThreadHasItsOwnCopyInACore() throws Exception {
        GdbTesting.requireGlibcDebugInfo();
        Path dir = Files.createDirectories(tmp.resolve("a dir's \"name\""));
        Path exe = CBuild.compile("tlsprog.c", dir.resolve("tls prog"), "-g", "-pthread");
        Path core;
        long pid;
        try (FixtureProcess p = FixtureProcess.start(List.of(exe.toString()), tmp, FixtureProcess.defaultTimeout())) {
            pid = p.pid();
            core = Files.move(p.gcore(tmp), dir.resolve("core " + pid));
        }
        Map<String, Map<Long, Long>> tls = new ThreadLocalAddresses(GdbOptions.defaults())
                .fetch(exe, core, List.of("slot", "tcache", "no_such_variable"));
        Map<Long, Long> slot = tls.get("slot");
        assertEquals(3, slot.size(), slot.toString());
        assertTrue(slot.containsKey(pid), "the main thread's LWP is the pid");
        assertEquals(3, new HashSet<>(slot.values()).size(), "one copy per thread");
        assertEquals(3, tls.get("tcache").size());
        assertTrue(tls.get("no_such_variable").isEmpty());
    }
}

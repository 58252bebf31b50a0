package maze.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import maze.gdb.CBuild;
import maze.gdb.GdbOptions;
import maze.gdb.GdbSession;
import maze.gdb.GdbTesting;
import maze.gdb.MiReply;
import maze.gdb.mi.MiParser;
import maze.gdb.mi.MiResultRecord;
import maze.gdb.mi.Transcripts;
import maze.testing.FixtureProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadLocalAddressesTest {
    @TempDir
    Path tmp;
    Path exe;
    Path core;
    long pid;

    @Test
    void threadIdsToLwpsFromARecordedThreadInfo() {
        MiResultRecord r = (MiResultRecord) MiParser.parse(Transcripts.line("core.mi", "5^done"));
        Map<String, Long> threads = ThreadLocalAddresses.threads(new MiReply("-thread-info", r, "", ""));
        assertEquals(Map.of("1", 10230L, "2", 10232L, "3", 10233L), threads);
    }

    @Tag("gdb")
    @Test
    void everyThreadHasItsOwnCopyInACore() throws Exception {
        gcoreTlsProgram();
        Map<String, Map<Long, Long>> tls = new ThreadLocalAddresses(GdbOptions.defaults())
                .fetch(exe, core, List.of("slot", "tcache", "no_such_variable"));
        Map<Long, Long> slot = tls.get("slot");
        assertEquals(3, slot.size(), slot.toString());
        assertTrue(slot.containsKey(pid), "the main thread's LWP is the pid");
        assertEquals(3, new HashSet<>(slot.values()).size(), "one copy per thread");
        assertEquals(3, tls.get("tcache").size());
        assertTrue(tls.get("no_such_variable").isEmpty());
        theOffsetPathAgrees(tls.get("tcache"));
    }

    /**
     * x86-64 static TLS: a variable's copy is at fs_base - l_tls_offset(module) + its offset in the
     * module's block. The offset from libc's DWARF and l_tls_offset's place from ld.so's DWARF must
     * give gdb's per-thread addresses.
     */
    private void theOffsetPathAgrees(Map<Long, Long> tcache) {
        DwarfLayoutProvider p = new DwarfLayoutProvider(GdbOptions.defaults(), LayoutCache.disabled());
        long varOffset = p.forFile(GdbTesting.LIBC, new LayoutRequest(List.of(), List.of(), List.of("tcache")))
                .tlsOffset("tcache").orElseThrow();
        long fieldOffset = p.forFile(GdbTesting.LD_SO, new LayoutRequest(List.of("link_map"), List.of(), List.of()))
                .struct("link_map").offset("l_tls_offset");
        try (GdbSession gdb = GdbSession.start(GdbOptions.defaults())) {
            gdb.loadFile(exe);
            gdb.loadCore(core);
            long libcTlsOffset = number(gdb, "", "*(long *)((char *)" + libcLinkMap(gdb) + " + " + fieldOffset + ")");
            ThreadLocalAddresses.threads(gdb.send("-thread-info").orThrow()).forEach((id, lwp) -> {
                long fsBase = number(gdb, "--thread " + id + " ", "$fs_base");
                assertEquals(tcache.get(lwp), fsBase - libcTlsOffset + varOffset, "thread " + lwp);
            });
        }
    }

    private static String libcLinkMap(GdbSession gdb) {
        String map = "((struct r_debug *)&_r_debug)->r_map";
        for (int i = 0; i < 16; i++, map += "->l_next") {
            MiReply name = gdb.send("-data-evaluate-expression \"" + map + "->l_name\"").orThrow();
            if (name.result().results().string("value").contains("/libc.so.6")) {
                return map;
            }
        }
        throw new AssertionError("libc.so.6 is not in the core's link_map chain");
    }

    private static long number(GdbSession gdb, String options, String expression) {
        MiReply r = gdb.send("-data-evaluate-expression " + options + "\"" + expression + "\"").orThrow();
        return new BigInteger(r.result().results().string("value")).longValue();
    }

    private void gcoreTlsProgram() throws Exception {
        GdbTesting.requireGlibcDebugInfo();
        Path dir = Files.createDirectories(tmp.resolve("a dir's \"name\""));
        exe = CBuild.compile("tlsprog.c", dir.resolve("tls prog"), "-g", "-pthread");
        try (FixtureProcess p = FixtureProcess.start(List.of(exe.toString()), tmp, FixtureProcess.defaultTimeout())) {
            pid = p.pid();
            core = Files.move(p.gcore(tmp), dir.resolve("core " + pid));
        }
    }
}

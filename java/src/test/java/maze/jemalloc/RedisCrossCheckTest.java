package maze.jemalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import maze.app.Analysis;
import maze.app.AnalysisRequest;
import maze.heap.Coverage;
import maze.pack.Gcore;
import maze.pack.ReadyProcess;
import maze.report.ReportSummary;
import maze.testing.FixtureProcess;
import maze.testing.MimallocBuilds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real jemalloc client: Debian's redis-server (linked with Debian's stripped libjemalloc.so.2)
 * on a loopback port, gcore'd once fresh and once loaded with 50,000 strings of 1 to 3000 bytes and
 * 200 small lists, each time right after INFO memory on a connection still open. redis's
 * {@code used_memory} is the sum of the usable sizes of what redis allocated through zmalloc;
 * maze lists every live jemalloc block, so its live bytes are at least that. What exceeds it was
 * malloc'ed around zmalloc (libc, OpenSSL and Lua internals, jemalloc's own tcache stacks) and
 * comes from startup: measured 436,824 to 437,008 bytes fresh, 428,704 to 452,368 loaded. So the
 * load's growth must agree: of the ~86 MB the load adds to used_memory, maze's growth may differ by
 * at most 64 KiB (measured 8,304 and 15,544 bytes in two runs: buffers of the open connection).
 */
@Tag("scenario")
class RedisCrossCheckTest {
    static final long GROWTH_DIFFERENCE = 64 << 10;

    @TempDir
    Path dir;

    /** used_memory and maze's live bytes at one moment. */
    private record Figures(long usedMemory, long liveBytes) {
        long outside() {
            return liveBytes - usedMemory;
        }
    }

    @Test
    void liveBytesAgreeWithUsedMemory() throws Exception {
        MimallocBuilds.Build redis = MimallocBuilds.index("redis-index.tsv", "tests/provision/jemalloc.sh").get(0);
        Path libs = redis.path().getParent().getParent().resolve("lib/x86_64-linux-gnu");
        int port = freePort();
        Figures fresh;
        Figures loaded;
        try (ReadyProcess server = ReadyProcess.start(List.of(redis.path().toString(), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"), dir, Map.of("LD_LIBRARY_PATH", libs.toString()),
                "Ready to accept connections", FixtureProcess.defaultTimeout());
             RespClient client = new RespClient(port)) {
            fresh = figures(server, client, "fresh");
            load(client);
            loaded = figures(server, client, "loaded");
        }
        System.out.printf("redis: fresh %s, loaded %s; growth: used_memory %d, maze %d%n", fresh, loaded,
                loaded.usedMemory - fresh.usedMemory, loaded.liveBytes - fresh.liveBytes);
        assertTrue(fresh.outside() >= 0 && loaded.outside() >= 0, "maze lists less than used_memory: " + fresh + " " + loaded);
        assertTrue(Math.abs(loaded.outside() - fresh.outside()) <= GROWTH_DIFFERENCE,
                "the load grew used_memory and maze's live bytes differently: " + fresh + " " + loaded);
    }

    /** INFO memory, then a core while the connection is open, analyzed: complete, jemalloc walked. */
    private Figures figures(ReadyProcess server, RespClient client, String name) throws Exception {
        long usedMemory = usedMemory(client.bulk("INFO", "memory"));
        Path core = Gcore.capture(server.pid(), Files.createDirectories(dir.resolve(name)));
        ReportSummary s;
        try (Analysis a = Analysis.open(new AnalysisRequest(core, null, null, List.of(), false))) {
            s = a.run(null).summary();
        }
        Files.delete(core);
        Coverage je = s.coverage().stream().filter(c -> c.allocator().equals("jemalloc")).findFirst().orElseThrow();
        assertTrue(je.walked() && je.servesMalloc(), je.describe());
        assertEquals(List.of(), s.warnings());
        assertFalse(s.partial());
        return new Figures(usedMemory, s.liveBytes());
    }

    private static void load(RespClient c) throws IOException {
        Random r = new Random(1);
        for (int i = 0; i < 50_000; i++) {
            c.send("SET", "key:" + i, "x".repeat(1 + r.nextInt(3000)));
        }
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 50; j++) {
                c.send("RPUSH", "list:" + i, "item-" + i + "-" + j);
            }
        }
        c.drain();
    }

    private static long usedMemory(String info) {
        return info.lines().filter(l -> l.startsWith("used_memory:")).mapToLong(l -> Long.parseLong(l.substring(12).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("INFO memory without used_memory: " + info));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

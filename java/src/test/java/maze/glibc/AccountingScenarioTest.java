package maze.glibc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import maze.testing.CliRun;
import maze.testing.CoreLoads;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import maze.testing.GroundTruth;
import maze.testing.MallocStats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process accounting and glibc's free-space figures of {@code maze analyze}, against what
 * the fixture's own glibc said (mallinfo2, malloc_stats) and against the core's program headers
 * read independently.
 */
@Tag("scenario")
class AccountingScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** 8 threads free 90% of their small blocks: per-arena free bytes as glibc counts them, to the byte. */
    @Test
    void freeBytesPerArenaAreGlibcsOwn() throws IOException, InterruptedException {
        Path truthFile = dir.resolve("truth.jsonl");
        Analyzed a = analyze("freed90", truthFile);
        GroundTruth truth = GroundTruth.read(truthFile);
        MallocStats stats = MallocStats.read(Path.of(truthFile + ".malloc_stats"));
        JsonNode space = a.json.path("process").path("malloc_space").get(0);
        JsonNode pools = space.path("pools");
        assertEquals(stats.arenas().size(), pools.size(), "arenas: glibc's malloc_stats against maze");
        assertEquals(8, pools.size(), "one arena per thread, as the fixture made them");
        assertEquals(8, space.path("threads").asInt());
        long free = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < pools.size(); i++) {
            JsonNode p = pools.get(i);
            MallocStats.Arena glibc = stats.arenas().get(i);
            if (p.path("free_bytes").asLong() != glibc.free() || p.path("system_bytes").asLong() != glibc.system()) {
                wrong.add(p.path("name").asText() + ": maze system/free " + p.path("system_bytes") + "/"
                        + p.path("free_bytes") + ", glibc " + glibc.system() + "/" + glibc.free());
            }
            free += p.path("free_bytes").asLong();
            assertTrue(p.path("tcache_bytes").asLong() > 0, "each thread's tcache holds chunks: " + p);
            assertTrue(p.path("fastbin_bytes").asLong() > 0, "fastbins hold chunks: " + p);
        }
        assertEquals(List.of(), wrong, "per-arena figures");
        assertEquals(truth.mallinfo().fordblks(), free, "sum of per-arena free bytes against mallinfo2().fordblks");
        assertEquals(free, space.path("free_bytes").asLong());
        assertSumsToTheCore(a);
    }

    /** A program that maps 200 MiB itself: the accounting shows it where it is, and adds up. */
    @Test
    void selfMappedMemoryIsOtherAnonymous() throws IOException, InterruptedException {
        Analyzed a = analyze("mapped", dir.resolve("truth.jsonl"));
        String[] mapped = a.output.stream().filter(l -> l.startsWith("MAPPED ")).findFirst()
                .orElseThrow(() -> new AssertionError("no MAPPED line in " + a.output)).split(" ");
        long start = Long.parseUnsignedLong(mapped[1].substring(2), 16);
        long bytes = Long.parseLong(mapped[2]);
        JsonNode process = a.json.path("process");
        boolean listed = false;
        for (JsonNode m : process.path("biggest_other_anonymous")) {
            listed |= m.path("start").asText().equals("0x" + Long.toHexString(start))
                    && m.path("bytes").asLong() == bytes && m.path("end").asText().equals("0x" + Long.toHexString(start + bytes));
        }
        assertTrue(listed, "the 200 MiB mapping among the biggest: " + process.path("biggest_other_anonymous"));
        assertEquals(start, Long.parseUnsignedLong(process.path("biggest_other_anonymous").get(0).path("start")
                .asText().substring(2), 16), "the 200 MiB mapping is the biggest");
        assertTrue(process.path("categories").path("other_anonymous").asLong() >= bytes);
        assertEquals(a.json.path("summary").path("live_bytes").asLong(),
                process.path("categories").path("malloc_live").asLong(), "malloc live is the walked live bytes");
        assertSumsToTheCore(a);
    }

    private void assertSumsToTheCore(Analyzed a) throws IOException {
        long expected = CoreLoads.memSizeSum(a.core);
        JsonNode process = a.json.path("process");
        long sum = 0;
        for (JsonNode c : process.path("categories")) {
            sum += c.asLong();
        }
        assertEquals(expected, process.path("mapped_bytes").asLong(), "the total: the core's PT_LOAD p_memsz sum");
        assertEquals(expected, sum, "the categories add up to the core's PT_LOAD p_memsz sum: " + process.path("categories"));
    }

    private record Analyzed(Path core, JsonNode json, List<String> output) {
    }

    private Analyzed analyze(String scenario, Path truthFile) throws IOException, InterruptedException {
        Path exe = Fixtures.binary("heap_truth");
        Path core;
        List<String> output;
        try (FixtureProcess fp = FixtureProcess.start(List.of(exe.toString(), scenario, truthFile.toString()), dir,
                FixtureProcess.defaultTimeout())) {
            core = fp.gcore(dir);
            output = fp.outputSoFar();
        }
        Path json = dir.resolve("report.json");
        CliRun run = CliRun.maze("analyze", core.toString(), "--json", json.toString());
        assertEquals(0, run.exit(), "maze analyze exit code; stderr: " + run.err() + "\nstdout: " + run.out());
        assertTrue(run.out().contains("Process memory: "), run.out());
        return new Analyzed(core, JSON.readTree(json.toFile()), output);
    }
}

package maze.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import maze.app.DiffRefusedException;
import maze.app.HeapDiff;
import maze.core.CoreReader;
import maze.core.Segment;
import maze.testing.CliRun;
import maze.testing.GrowCores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * maze diff on two cores of the grow fixture, scored against what the fixture held in each phase:
 * the new, gone and reused addresses exactly, every survivor of the fixture's, and per type.
 */
@Tag("scenario")
class GrowDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static GrowCores cores;
    static Map<Long, JsonNode> truthA;
    static Map<Long, JsonNode> truthB;

    @BeforeAll
    static void takeCores() throws Exception {
        cores = GrowCores.take(dir);
        truthA = blocks(cores.truthA());
        truthB = blocks(cores.truthB());
    }

    /** JSON lines by address: a truth file or a maze listing. */
    private static Map<Long, JsonNode> blocks(Path jsonl) throws IOException {
        Map<Long, JsonNode> byAddress = new TreeMap<>();
        for (String line : Files.readAllLines(jsonl)) {
            JsonNode n = JSON.readTree(line);
            long address = Long.parseUnsignedLong(n.path("address").asText().substring(2), 16);
            assertTrue(byAddress.put(address, n) == null, "address twice in " + jsonl + ": " + line);
        }
        return byAddress;
    }

    private static Map<Long, JsonNode> list(String kind) throws IOException {
        Path out = dir.resolve(kind + ".jsonl");
        CliRun r = CliRun.maze("diff", cores.a().toString(), cores.b().toString(), "--list", kind, "-o", out.toString(),
                "--no-progress");
        assertEquals(0, r.exit(), r.err());
        return blocks(out);
    }

    private static boolean same(JsonNode x, JsonNode y) {
        return x.path("size").asLong() == y.path("size").asLong() && x.path("type").asText().equals(y.path("type").asText());
    }

    @Test
    void blockChangesMatchTheFixturesTruth() throws IOException {
        TreeSet<Long> survivors = new TreeSet<>();
        TreeSet<Long> reused = new TreeSet<>();
        TreeSet<Long> gone = new TreeSet<>();
        TreeSet<Long> added = new TreeSet<>(truthB.keySet());
        added.removeAll(truthA.keySet());
        for (Map.Entry<Long, JsonNode> e : truthA.entrySet()) {
            JsonNode later = truthB.get(e.getKey());
            (later == null ? gone : same(e.getValue(), later) ? survivors : reused).add(e.getKey());
        }
        for (TreeSet<Long> s : List.of(survivors, reused, gone, added)) {
            assertFalse(s.isEmpty(), "the fixture makes every kind of change");
        }
        assertSame(added, list("new").keySet(), "new blocks");
        assertSame(gone, list("gone").keySet(), "gone blocks");
        Map<Long, JsonNode> mazeReused = list("reused");
        assertSame(reused, mazeReused.keySet(), "reused addresses");
        for (long address : reused) {
            JsonNode m = mazeReused.get(address);
            assertEquals(truthB.get(address).path("type").asText(), m.path("type").asText());
            assertEquals(truthA.get(address).path("type").asText(), m.path("was_type").asText());
            assertEquals(truthA.get(address).path("size").asLong(), m.path("was_size").asLong());
        }
        Map<Long, JsonNode> mazeSurvivors = list("survivors");
        TreeSet<Long> fixtureSurvivors = new TreeSet<>(mazeSurvivors.keySet());
        fixtureSurvivors.retainAll(truthA.keySet());
        assertSame(survivors, fixtureSurvivors, "the fixture's survivors");
    }

    /** Equal sets, or a failure saying how many are missing and extra, with the first of each. */
    private static void assertSame(Set<Long> expected, Set<Long> actual, String what) {
        TreeSet<Long> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        TreeSet<Long> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), String.format("%s: %d expected, %d missing%s, %d extra%s", what,
                expected.size(), missing.size(), first(missing), extra.size(), first(extra)));
    }

    private static String first(TreeSet<Long> s) {
        return s.isEmpty() ? "" : " (first 0x" + Long.toHexString(s.first()) + ")";
    }

    @Test
    void perTypeChangesMatchTheTruth() throws IOException {
        Path json = dir.resolve("diff.json");
        CliRun r = CliRun.maze("diff", cores.a().toString(), cores.b().toString(), "--json", json.toString(), "--no-progress");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Warnings: none"), r.out());
        JsonNode d = JSON.readTree(json.toFile());
        Map<String, JsonNode> types = new HashMap<>();
        d.path("types").forEach(t -> types.put(t.path("type").asText(), t));
        Map<String, long[]> truth = new TreeMap<>();
        tally(truthA, truth, 0);
        tally(truthB, truth, 1);
        for (Map.Entry<String, long[]> e : truth.entrySet()) {
            JsonNode t = types.get(e.getKey());
            long[] v = e.getValue();
            assertTrue(t != null, "no row for " + e.getKey());
            assertEquals(v[1] - v[0], t.path("blocks_change").asLong(), e.getKey() + " blocks change");
            assertEquals(v[3] - v[2], t.path("bytes_change").asLong(), e.getKey() + " bytes change");
            if (e.getKey().startsWith("C++ grow::")) {
                // only the fixture makes these: the whole rows are its own
                assertEquals(v[0], t.path("blocks").get(0).asLong(), e.getKey());
                assertEquals(v[1], t.path("blocks").get(1).asLong(), e.getKey());
                assertEquals(v[2], t.path("bytes").get(0).asLong(), e.getKey());
                assertEquals(v[3], t.path("bytes").get(1).asLong(), e.getKey());
            }
        }
        assertEquals("C++ grow::Session", d.path("types").get(0).path("type").asText(), "largest growth first");
        JsonNode step = d.path("steps").get(0);
        assertEquals(list("new").size(), step.path("new").path("blocks").asLong());
        assertEquals(d.path("cores").get(1).path("live_blocks").asLong(), step.path("survivors").path("blocks").asLong()
                + step.path("new").path("blocks").asLong() + step.path("reused").path("blocks").asLong());
    }

    @Test
    void newMemoryIsAttributedToTheGlobalsAndLeaksThatHoldIt() throws IOException {
        Path json = dir.resolve("roots.json");
        CliRun r = CliRun.maze("diff", cores.a().toString(), cores.b().toString(), "--retained", "--json", json.toString(),
                "--no-progress");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Held by") && r.out().contains("Warnings: none"), r.out());
        // truth: per holder, [new blocks, new bytes, reused blocks, reused bytes] of the blocks phase B allocated
        Map<String, long[]> truth = new TreeMap<>();
        for (Map.Entry<Long, JsonNode> e : truthB.entrySet()) {
            JsonNode before = truthA.get(e.getKey());
            if (before != null && same(before, e.getValue())) {
                continue;
            }
            long[] v = truth.computeIfAbsent(e.getValue().path("held_by").asText(), h -> new long[4]);
            int at = before == null ? 0 : 2;
            v[at]++;
            v[at + 1] += e.getValue().path("size").asLong();
        }
        assertEquals(Set.of("sessions", "orders", "small_buffers", "leaked"), truth.keySet(), "what phase B allocates");
        JsonNode d = JSON.readTree(json.toFile());
        JsonNode roots = d.path("new_by_root").path("roots");
        assertEquals(1, d.path("new_by_root").path("to").asInt());
        for (Map.Entry<String, long[]> e : truth.entrySet()) {
            JsonNode row = holderRow(roots, e.getKey());
            long[] v = e.getValue();
            assertEquals(List.of(v[0], v[1], v[2], v[3]), List.of(row.path("new").path("blocks").asLong(),
                    row.path("new").path("bytes").asLong(), row.path("reused").path("blocks").asLong(),
                    row.path("reused").path("bytes").asLong()), e.getKey() + ": " + row);
        }
        long newBlocks = 0;
        long reusedBlocks = 0;
        for (JsonNode row : roots) {
            newBlocks += row.path("new").path("blocks").asLong();
            reusedBlocks += row.path("reused").path("blocks").asLong();
        }
        JsonNode step = d.path("steps").get(0);
        assertEquals(step.path("new").path("blocks").asLong(), newBlocks, "every new block has one holder");
        assertEquals(step.path("reused").path("blocks").asLong(), reusedBlocks, "every reused block has one holder");
    }

    /** The one row naming the fixture's global {@code holder} (its symbol, mangled or not), or "leaked". */
    private static JsonNode holderRow(JsonNode roots, String holder) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(holder.equals("leaked") ? "^leaked$"
                : "(?<![A-Za-z_])" + holder + "(?![a-z_]).* in .*/grow$");
        List<JsonNode> rows = new java.util.ArrayList<>();
        roots.forEach(x -> {
            if (p.matcher(x.path("root").asText()).find()) {
                rows.add(x);
            }
        });
        assertEquals(1, rows.size(), holder + " in " + roots);
        return rows.get(0);
    }

    /** [blocks A, blocks B, bytes A, bytes B] per type. */
    private static void tally(Map<Long, JsonNode> blocks, Map<String, long[]> truth, int core) {
        for (JsonNode n : blocks.values()) {
            long[] v = truth.computeIfAbsent(n.path("type").asText(), t -> new long[4]);
            v[core]++;
            v[2 + core] += n.path("size").asLong();
        }
    }

    @Test
    void aSeriesOfThreeCoresHasAStepBetweenEach() throws IOException {
        Path json = dir.resolve("series.json");
        CliRun r = CliRun.maze("diff", cores.a().toString(), cores.b().toString(), cores.b().toString(), "--json",
                json.toString(), "--no-progress");
        assertEquals(0, r.exit(), r.err());
        JsonNode d = JSON.readTree(json.toFile());
        assertEquals(2, d.path("steps").size());
        JsonNode second = d.path("steps").get(1);
        assertEquals(d.path("cores").get(2).path("live_blocks").asLong(), second.path("survivors").path("blocks").asLong());
        for (String kind : new String[] {"new", "gone", "reused"}) {
            assertEquals(0, second.path(kind).path("blocks").asLong(), "the same core twice: no " + kind);
        }
        JsonNode session = d.path("types").get(0);
        assertEquals(3, session.path("blocks").size());
        assertEquals(session.path("blocks").get(1).asLong(), session.path("blocks").get(2).asLong());
        assertTrue(r.out().contains("#3 bytes"), r.out());
    }

    @Test
    void aSeriesListsEveryStepsBlocksEachLineSayingItsStep() throws IOException {
        Path out = dir.resolve("series-new.jsonl");
        // A, B, then A again: the second step's new blocks are the first step's gone ones
        CliRun r = CliRun.maze("diff", cores.a().toString(), cores.b().toString(), cores.a().toString(), "--list", "new",
                "-o", out.toString(), "--no-progress");
        assertEquals(0, r.exit(), r.err());
        TreeSet<Long> added = new TreeSet<>(truthB.keySet());
        added.removeAll(truthA.keySet());
        TreeSet<Long> gone = new TreeSet<>(truthA.keySet());
        gone.removeAll(truthB.keySet());
        Map<Integer, TreeSet<Long>> byStep = new TreeMap<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode n = JSON.readTree(line);
            assertEquals(n.path("from").asInt() + 1, n.path("to").asInt(), line);
            byStep.computeIfAbsent(n.path("from").asInt(), k -> new TreeSet<>())
                    .add(Long.parseUnsignedLong(n.path("address").asText().substring(2), 16));
        }
        assertEquals(Set.of(0, 1), byStep.keySet());
        assertSame(added, byStep.get(0), "new from A to B");
        TreeSet<Long> fixtureGone = new TreeSet<>(byStep.get(1));
        fixtureGone.retainAll(truthA.keySet());
        assertSame(gone, fixtureGone, "the fixture's blocks new from B to A: those gone from A to B");
        assertTrue(r.err().contains(" new blocks listed (2 steps)"), r.err());
    }

    @Test
    void aBundleOfTheFirstCoreDiffsAsTheCoreItself() throws IOException {
        Path bundle = dir.resolve("a.tar.gz");
        CliRun pack = CliRun.maze("pack", cores.a().toString(), "-o", bundle.toString());
        assertEquals(0, pack.exit(), pack.err());
        Path fromBundle = dir.resolve("bundle-diff.json");
        Path fromCore = dir.resolve("core-diff.json");
        for (Path[] run : new Path[][] {{bundle, fromBundle}, {cores.a(), fromCore}}) {
            CliRun r = CliRun.maze("diff", run[0].toString(), cores.b().toString(), "--json", run[1].toString(), "--no-progress");
            assertEquals(0, r.exit(), r.err());
        }
        JsonNode b = JSON.readTree(fromBundle.toFile());
        JsonNode c = JSON.readTree(fromCore.toFile());
        assertEquals(c.path("steps"), b.path("steps"));
        assertEquals(c.path("types"), b.path("types"));
        assertEquals(c.path("cores").get(0).path("executable"), b.path("cores").get(0).path("executable"));
    }

    @Test
    void aDamagedLaterCoreMakesThePartialDiffSaySo() throws IOException {
        Path damaged = Files.copy(cores.b(), dir.resolve("damaged.core"));
        long session = truthB.entrySet().stream().filter(e -> e.getValue().path("type").asText().equals("C++ grow::Session"))
                .findFirst().orElseThrow().getKey();
        Segment seg = CoreReader.read(damaged, null).segments().stream()
                .filter(x -> session >= x.vaddr() && session < x.vaddr() + x.fileSize()).findFirst().orElseThrow();
        try (FileChannel f = FileChannel.open(damaged, StandardOpenOption.WRITE)) {
            // the chunk's size field (the word before the block) made impossible
            f.write(ByteBuffer.wrap(new byte[] {0x77, 0x77, 0x77, 0x77, 0x77, 0x77, 0, 0}), seg.fileOffset() + session - 8 - seg.vaddr());
        }
        Path json = dir.resolve("damaged.json");
        CliRun r = CliRun.maze("diff", cores.a().toString(), damaged.toString(), "--json", json.toString(), "--no-progress");
        assertEquals(7, r.exit(), r.err());
        assertTrue(r.out().contains("PARTIAL") && r.out().contains("  - " + damaged + ": "), r.out());
        JsonNode d = JSON.readTree(json.toFile());
        assertTrue(d.path("partial").asBoolean());
        assertFalse(d.path("cores").get(0).path("partial").asBoolean());
        assertTrue(d.path("cores").get(1).path("partial").asBoolean());
        assertTrue(d.path("warnings").get(0).asText().startsWith(damaged + ": "), d.path("warnings").toString());
    }

    @Test
    void anotherProcessIsRefusedUnlessByTypeOnly() throws Exception {
        Path other = GrowCores.otherProcess(dir);
        CliRun refused = CliRun.maze("diff", cores.a().toString(), other.toString(), "--no-progress");
        assertEquals(3, refused.exit(), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("not a core of the same process") && refused.err().contains("--by-type-only"),
                refused.err());
        // refused from the cores' notes alone, before any walk
        assertThrows(DiffRefusedException.class, () -> new HeapDiff(false, null).precheck(List.of(cores.a(), other), null));
        new HeapDiff(false, null).precheck(List.of(cores.a(), cores.b()), null);
        CliRun byType = CliRun.maze("diff", cores.a().toString(), other.toString(), "--by-type-only", "--no-progress");
        assertEquals(0, byType.exit(), byType.err());
        assertTrue(byType.out().contains("not matched (--by-type-only)"), byType.out());
    }
}

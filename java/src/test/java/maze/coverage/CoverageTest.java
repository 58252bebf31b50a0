package maze.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import maze.cli.ExitCode;
import maze.testing.CliRun;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import maze.testing.GroundTruth;
import maze.testing.MimallocBuilds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process whose malloc maze cannot walk is never an empty "ok": analyze and blocks name the
 * allocator that serves it, say it was not walked, and exit with the partial code.
 */
@Tag("scenario")
class CoverageTest {
    private static final Path LIBS = Path.of("/usr/lib/x86_64-linux-gnu");

    @TempDir
    Path dir;

    /** Debian's stripped jemalloc: walked through its built-in table, a complete result. */
    @Test
    void jemallocPreloadedIsWalked() throws Exception {
        Path core = preloadedCore(LIBS.resolve("libjemalloc.so.2"), "apt-get install libjemalloc2");
        CliRun a = CliRun.maze("analyze", core.toString(), "--json", dir.resolve("r.json").toString());
        assertEquals(ExitCode.OK.code, a.exit(), a.out() + a.err());
        JsonNode served = served(new ObjectMapper().readTree(dir.resolve("r.json").toFile()));
        assertEquals("jemalloc", served.get("allocator").asText(), served.toString());
        assertTrue(served.get("walked").asBoolean(), served.toString());
        assertTrue(served.get("version").asText().startsWith("5.3.0"), served.toString());
        assertTrue(a.out().contains("Warnings:     none"), a.out());
    }

    /**
     * jemalloc 5.3 stripped of DWARF and symbols, its build-id in no built-in table: named, not
     * walked, a partial result that says what to supply. A private layout cache: the user's may
     * hold this build-id's DWARF layouts.
     */
    @Test
    void strippedJemallocWithoutTableIsRefusedByName() throws Exception {
        withPrivateCache(() -> {
            Path built = MimallocBuilds.index("jemalloc-index.tsv", "tests/provision/jemalloc.sh").stream()
                    .filter(MimallocBuilds.Build::hasDwarf).findFirst().orElseThrow().path();
            Path stripped = dir.resolve("libjemalloc.so.2");
            Process strip = new ProcessBuilder("strip", "--strip-all", "-o", stripped.toString(), built.toString())
                    .inheritIO().start();
            assertEquals(0, strip.waitFor(), "strip " + built);
            Path core = preloadedCore(stripped, "tests/provision/jemalloc.sh");
            assertNotWalked(core, "jemalloc", "5.3.0", "libjemalloc.so.2");
            CliRun r = CliRun.maze("analyze", core.toString());
            assertTrue(r.out().contains("no struct layout fits"), r.out());
        });
    }

    @Test
    void tcmallocPreloadedIsNamedAndNotWalked() throws Exception {
        Path core = preloadedCore(LIBS.resolve("libtcmalloc_minimal.so.4"), "apt-get install libtcmalloc-minimal4");
        assertNotWalked(core, "tcmalloc", "2.10", "libtcmalloc_minimal.so.4");
    }

    @Test
    void mallocOfTheExecutableIsAnUnknownAllocator() throws Exception {
        Path exe = Fixtures.binary("own_malloc");
        assertNotWalked(core(List.of(exe.toString()), Map.of()), "unknown allocator", null, exe.toString());
    }

    @Test
    void staticGlibcIsNamedAndNotWalked() throws Exception {
        Path exe = Fixtures.binary("static_heap");
        Path core = core(List.of(exe.toString()), Map.of());
        // a static program keeps no version string of glibc's unless it asks for one
        assertNotWalked(core, "glibc", null, exe.toString());
        CliRun info = CliRun.maze("info", core.toString());
        assertTrue(info.out().contains("glibc (version unknown) in " + exe + " (serves malloc); maze cannot walk it: glibc"
                + " linked statically"), info.out());
    }

    /**
     * An upstream mimalloc release, stripped, with no built-in table: a refusal naming version and
     * what is missing. A private layout cache: the user's may hold this build-id's DWARF layouts.
     */
    @Test
    void strippedMimallocWithoutTableIsRefusedByName() throws Exception {
        withPrivateCache(this::refuseStrippedMimalloc);
    }

    /** Something a test runs with maze's caches in its own folder. */
    private interface CacheUse {
        void run() throws Exception;
    }

    private void withPrivateCache(CacheUse use) throws Exception {
        String saved = System.getProperty("maze.cache.dir");
        System.setProperty("maze.cache.dir", dir.resolve("cache").toString());
        try {
            use.run();
        } finally {
            if (saved == null) {
                System.clearProperty("maze.cache.dir");
            } else {
                System.setProperty("maze.cache.dir", saved);
            }
        }
    }

    private void refuseStrippedMimalloc() throws Exception {
        Path shipped = Path.of("..", "shared", "allocators", "mimalloc", "v2.1.7", "libmimalloc.so.2.1").toAbsolutePath();
        Fixtures.require(Files.isRegularFile(shipped), shipped + " is missing (the reference builds beside the project)");
        Path stripped = dir.resolve("libmimalloc.so.2");
        Process strip = new ProcessBuilder("strip", "--strip-debug", "-o", stripped.toString(), shipped.toString())
                .inheritIO().start();
        assertEquals(0, strip.waitFor(), "strip " + shipped);
        Path exe = Fixtures.binary("heap_truth");
        Path core = core(List.of(exe.toString(), "single", dir.resolve("truth.jsonl").toString()),
                Map.of("LD_PRELOAD", stripped.toString()));
        assertNotWalked(core, "mimalloc", "2.1.7", "libmimalloc.so.2");
        CliRun r = CliRun.maze("analyze", core.toString());
        assertTrue(r.out().contains("mimalloc 2.1.7 (mi_version) in " + stripped + " not walked: "), r.out());
        assertTrue(r.out().contains("no struct layout fits"), r.out());
    }

    /** The executable moved away: every `new A` of the fixture is counted as a block whose type is lost. */
    @Test
    void executableMovedAwaySaysHowManyTypesWereLost() throws Exception {
        Path exe = dir.resolve("heap_truth");
        Files.copy(Fixtures.binary("heap_truth"), exe);
        Path truthFile = dir.resolve("truth.jsonl");
        Path core = core(List.of(exe.toString(), "single", truthFile.toString()), Map.of());
        Files.delete(exe);
        long objects = GroundTruth.read(truthFile).count(true, GroundTruth.Kind.NEW, -1);
        CliRun r = CliRun.maze("analyze", core.toString());
        assertEquals(ExitCode.OK.code, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(objects + " blocks start with a pointer into " + exe), r.out());
        assertTrue(r.out().contains("its file is not here"), r.out());
    }

    private void assertNotWalked(Path core, String allocator, String version, String module) throws IOException {
        CliRun a = CliRun.maze("analyze", core.toString(), "--json", dir.resolve("r.json").toString());
        assertEquals(ExitCode.PARTIAL.code, a.exit(), a.out() + a.err());
        assertTrue(a.out().contains("Result:"), a.out());
        JsonNode served = served(new ObjectMapper().readTree(dir.resolve("r.json").toFile()));
        assertEquals(allocator, served.get("allocator").asText(), served.toString());
        assertTrue(served.get("module").asText().contains(module), served.toString());
        assertEquals(false, served.get("walked").asBoolean(), served.toString());
        if (version != null) {
            assertTrue(served.get("version").asText().startsWith(version), served.toString());
        }
        String line = allocator + (version == null ? "" : " " + version);
        assertTrue(a.out().contains("NOT walked"), a.out());
        CliRun b = CliRun.maze("blocks", core.toString(), "-o", dir.resolve("b.jsonl").toString());
        assertEquals(ExitCode.PARTIAL.code, b.exit(), b.err());
        assertTrue(b.err().lines().anyMatch(l -> l.startsWith("maze: warning: ") && l.contains(module)), b.err());
        assertTrue(b.err().contains("NOT walked: " + line), b.err());
    }

    /** The one allocator entry that serves malloc. */
    private static JsonNode served(JsonNode report) {
        JsonNode found = null;
        for (JsonNode a : report.get("summary").get("allocators")) {
            if (a.get("serves_malloc").asBoolean()) {
                assertEquals(null, found, "two allocators serve malloc: " + report.get("summary"));
                found = a;
            }
        }
        assertTrue(found != null, "no allocator serves malloc: " + report.get("summary"));
        return found;
    }

    private Path preloadedCore(Path library, String install) throws IOException, InterruptedException {
        Fixtures.require(Files.isRegularFile(library), library + " is missing: " + install);
        Path exe = Fixtures.binary("heap_truth");
        return core(List.of(exe.toString(), "single", dir.resolve("truth.jsonl").toString()),
                Map.of("LD_PRELOAD", library.toString()));
    }

    private Path core(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        try (FixtureProcess fp = FixtureProcess.start(command, dir, FixtureProcess.defaultTimeout(), env)) {
            return fp.gcore(dir);
        }
    }
}

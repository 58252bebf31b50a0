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
import maze.core.ElfFile;
import maze.testing.CliRun;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import maze.testing.GroundTruth;
import maze.testing.MimallocBuilds;
import maze.testing.PrivateLayoutCache;
import maze.testing.TcmallocBuilds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process whose malloc maze cannot walk is never an empty "ok": analyze and blocks name the
 * allocator that serves it, say it was not walked, and exit with the partial code; one walked with
 * a built-in table (Debian's tcmalloc) is a complete result.
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
        PrivateLayoutCache.with(dir.resolve("cache"), () -> {
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

    /** Debian's stripped tcmalloc is walked with its built-in table: a complete result. */
    @Test
    void debiansTcmallocPreloadedIsWalked() throws Exception {
        Path core = preloadedCore(LIBS.resolve("libtcmalloc_minimal.so.4"), "apt-get install libtcmalloc-minimal4");
        CliRun a = CliRun.maze("analyze", core.toString(), "--json", dir.resolve("r.json").toString());
        assertEquals(ExitCode.OK.code, a.exit(), a.out() + a.err());
        JsonNode served = served(new ObjectMapper().readTree(dir.resolve("r.json").toFile()));
        assertEquals("tcmalloc", served.get("allocator").asText(), served.toString());
        assertEquals(true, served.get("walked").asBoolean(), served.toString());
        assertTrue(a.out().contains("Warnings:     none"), a.out());
    }

    /** A stripped tcmalloc no built-in table knows (our DWARF build, stripped): a named refusal. */
    @Test
    void strippedTcmallocWithoutTableIsRefusedByName() throws Exception {
        MimallocBuilds.Build dwarf = TcmallocBuilds.all().stream().filter(MimallocBuilds.Build::hasDwarf).findFirst()
                .orElseThrow(() -> new AssertionError("no tcmalloc build with DWARF provisioned"));
        Path stripped = dir.resolve("libtcmalloc_minimal.so.4");
        Process strip = new ProcessBuilder("strip", "--strip-all", "-o", stripped.toString(), dwarf.path().toString())
                .inheritIO().start();
        assertEquals(0, strip.waitFor(), "strip " + dwarf.path());
        PrivateLayoutCache.with(dir.resolve("cache"), () -> {
            Path core = preloadedCore(stripped, "strip failed");
            assertNotWalked(core, "tcmalloc", "2.10", "libtcmalloc_minimal.so.4");
            CliRun r = CliRun.maze("analyze", core.toString());
            assertTrue(r.out().contains("no struct layout fits"), r.out());
            assertTrue(r.out().contains("built-in tables (only for libtcmalloc_minimal.so.4 2.10 (build-id "), r.out());
        });
    }

    @Test
    void mallocOfTheExecutableIsAnUnknownAllocator() throws Exception {
        Path exe = Fixtures.binary("own_malloc");
        assertNotWalked(core(List.of(exe.toString()), Map.of()), "unknown allocator", null, exe.toString());
    }

    /** glibc linked statically is walked (heap_truth_static is scored in GlibcScenarioTest); stripped, it is named. */
    @Test
    void staticGlibcIsWalkedAndAStrippedOneExplained() throws Exception {
        Path exe = Fixtures.binary("static_heap");
        Path core = core(List.of(exe.toString()), Map.of());
        CliRun a = CliRun.maze("analyze", core.toString(), "--json", dir.resolve("r.json").toString());
        assertEquals(0, a.exit(), a.out() + a.err());
        JsonNode served = served(new ObjectMapper().readTree(dir.resolve("r.json").toFile()));
        assertEquals(true, served.get("walked").asBoolean(), served.toString());
        assertTrue(served.get("blocks").asLong() >= 1000, "its 1000 kept blocks at least: " + served);
        assertTrue(a.out().contains("Warnings:     none"), a.out());

        Path stripped = dir.resolve("static_heap_stripped");
        Process strip = new ProcessBuilder("strip", "--strip-all", "-o", stripped.toString(), exe.toString())
                .inheritIO().start();
        assertEquals(0, strip.waitFor());
        Path strippedCore = core(List.of(stripped.toString()), Map.of());
        CliRun s = CliRun.maze("analyze", strippedCore.toString());
        assertEquals(ExitCode.NO_ALLOCATOR.code, s.exit(), s.out() + s.err());
        assertTrue(s.err().contains("linked statically and has no symbols (stripped)"), s.err());

        // its debug file, where gdb would find it, gives the symbols back: walked again
        Path debugDir = dir.resolve("debug");
        String id;
        try (ElfFile elf = ElfFile.open(exe)) {
            id = elf.buildId();
        }
        Path debugFile = debugDir.resolve(".build-id").resolve(id.substring(0, 2)).resolve(id.substring(2) + ".debug");
        Files.createDirectories(debugFile.getParent());
        Process keep = new ProcessBuilder("objcopy", "--only-keep-debug", exe.toString(), debugFile.toString())
                .inheritIO().start();
        assertEquals(0, keep.waitFor());
        CliRun d = CliRun.maze("analyze", strippedCore.toString(), "--debug-file-directory", debugDir.toString(),
                "--json", dir.resolve("d.json").toString());
        assertEquals(0, d.exit(), d.out() + d.err());
        JsonNode viaDebugFile = served(new ObjectMapper().readTree(dir.resolve("d.json").toFile()));
        assertTrue(viaDebugFile.get("walked").asBoolean() && viaDebugFile.get("blocks").asLong() >= 1000,
                viaDebugFile.toString());
        assertTrue(d.out().contains("Warnings:     none"), d.out());
    }

    /**
     * A stripped mimalloc whose build has no built-in table: a refusal naming version, build-id and
     * what is missing. The RelWithDebInfo rebuild of Debian's 2.0.9 source is such a build: 2.0.9's
     * only table is keyed to Debian's build-id, and no table stands for every 2.0.9 build. A
     * private layout cache: the user's may hold this build-id's DWARF layouts.
     */
    @Test
    void strippedMimallocWithoutTableIsRefusedByName() throws Exception {
        PrivateLayoutCache.with(dir.resolve("cache"), this::refuseStrippedMimalloc);
    }

    private void refuseStrippedMimalloc() throws Exception {
        MimallocBuilds.Build build = MimallocBuilds.named("mimalloc-2.0.9-relwithdebinfo");
        Path stripped = dir.resolve("libmimalloc.so.2.0");
        Process strip = new ProcessBuilder("strip", "--strip-debug", "-o", stripped.toString(), build.path().toString())
                .inheritIO().start();
        assertEquals(0, strip.waitFor(), "strip " + build.path());
        Path exe = Fixtures.binary("heap_truth");
        Path core = core(List.of(exe.toString(), "single", dir.resolve("truth.jsonl").toString()),
                Map.of("LD_PRELOAD", stripped.toString()));
        assertNotWalked(core, "mimalloc", "2.0.9", "libmimalloc.so.2.0");
        CliRun r = CliRun.maze("analyze", core.toString());
        assertTrue(r.out().contains("mimalloc 2.0.9 (mi_version) in " + stripped + " not walked: "), r.out());
        assertTrue(r.out().contains("(version 2.0.9, build-id " + build.buildId() + "): no struct layout fits"), r.out());
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
        assertTrue(r.out().contains("whether the program defines a malloc of its own is unknown"), r.out());
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

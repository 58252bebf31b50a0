package maze.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import maze.core.ElfFile;
import maze.testing.BlockListing;
import maze.testing.BlockScore;
import maze.testing.CliRun;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import maze.testing.GroundTruth;
import maze.testing.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C++ names from a separate debug file: heap_truth "kinds" runs from a stripped copy and is
 * gcored once; the same core is listed with the unstripped build (--exe, same build-id: the
 * reference, scored against the ground truth), and with the stripped file plus its debug file.
 * Every block must get the same type; without the debug file the lost names are counted in a
 * warning that says where maze looked.
 */
@Tag("gcore")
class DebugFileNamesTest {
    private static final String EXE = "heap_truth";

    @TempDir
    Path dir;
    private Path full;
    private Path debugFile;

    @BeforeEach
    void split() throws Exception {
        full = dir.resolve("full").resolve(EXE);
        Files.createDirectories(full.getParent());
        Files.copy(Fixtures.binary(EXE), full);
        debugFile = dir.resolve(EXE + ".debug");
        tool("objcopy", "--only-keep-debug", full.toString(), debugFile.toString());
    }

    @Test
    void buildIdFolderNamesEveryBlockAsTheUnstrippedBuild() throws Exception {
        Path stripped = stripped("byid");
        String id = buildId(stripped);
        Path debugDir = dir.resolve("debug");
        Path byId = debugDir.resolve(".build-id").resolve(id.substring(0, 2)).resolve(id.substring(2) + ".debug");
        Files.createDirectories(byId.getParent());
        Files.copy(debugFile, byId);
        Path truthFile = dir.resolve("truth.jsonl");
        Path core = core(stripped, truthFile);

        List<String> reference = blocks(core, "ref", "--exe", full.toString()).rows();
        BlockScore.score(GroundTruth.read(truthFile), BlockListing.read(dir.resolve("ref.jsonl"))).assertPasses(0);
        assertSameRows(reference, blocks(core, "debugdir", "--debug-file-directory", debugDir.toString()).rows());

        JsonNode unstripped = typeNames(core, "--exe", full.toString());
        JsonNode fromDebug = typeNames(core, "--debug-file-directory", debugDir.toString());
        assertTrue(unstripped.at("/blocks/module_symtab").asLong() > 0, unstripped.toString());
        long exeVtables = exeVtables(full);
        assertTrue(exeVtables > 0, "nm lists the fixture's vtables");
        assertEquals(unstripped.at("/vtables/module_symtab").asLong() - exeVtables,
                fromDebug.at("/vtables/module_symtab").asLong(), fromDebug + " against " + unstripped);
        assertEquals(unstripped.at("/vtables/debug_file").asLong() + exeVtables,
                fromDebug.at("/vtables/debug_file").asLong(), fromDebug + " against " + unstripped);
        assertEquals(named(unstripped), named(fromDebug), fromDebug + " against " + unstripped);
        assertEquals(cxxRows(reference), named(fromDebug), fromDebug.toString());

        assertLostNamesWarned(core, stripped, byId.toString().replace(debugDir.toString(), "/usr/lib/debug"),
                reference);
    }

    @Test
    void debuglinkBesideTheFileNamesEveryBlockAsTheUnstrippedBuild() throws Exception {
        Path plain = stripped("plain");
        Path linked = dir.resolve("linked").resolve(EXE);
        Path linkedDebug = linked.resolveSibling(".debug").resolve(EXE + ".debug");
        Files.createDirectories(linkedDebug.getParent());
        Files.copy(debugFile, linkedDebug);
        tool("objcopy", "--add-gnu-debuglink=" + linkedDebug, plain.toString(), linked.toString());
        Path core = core(linked, dir.resolve("truth.jsonl"));
        List<String> reference = blocks(core, "ref", "--exe", full.toString()).rows();
        assertTrue(cxxRows(reference) > 0, "the fixture's C++ objects are named");
        Listing found = blocks(core, "linked");
        assertSameRows(reference, found.rows());
        assertTrue(!found.err().contains("probably a vtable"), found.err());
    }

    /** Row by row; a failure names the first row that differs and how many do, not all of them. */
    private static void assertSameRows(List<String> expected, List<String> actual) {
        assertEquals(expected.size(), actual.size(), "rows");
        int first = -1;
        int differ = 0;
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                first = first < 0 ? i : first;
                differ++;
            }
        }
        if (differ > 0) {
            throw new AssertionError("rows that differ: " + differ + " of " + expected.size() + ", the first: "
                    + expected.get(first) + " listed as " + actual.get(first));
        }
    }

    /** Without the debug file: the blocks that lost their names are exactly the count warned about. */
    private void assertLostNamesWarned(Path core, Path stripped, String defaultPlace, List<String> reference)
            throws IOException {
        Listing listing = blocks(core, "bare");
        List<String> bare = listing.rows();
        assertEquals(reference.size(), bare.size());
        long lost = 0;
        for (int i = 0; i < bare.size(); i++) {
            if (!bare.get(i).equals(reference.get(i))) {
                assertTrue(reference.get(i).contains("\"type\":\"C++ ") && bare.get(i).contains("\"type\":\"malloc("),
                        reference.get(i) + " became " + bare.get(i));
                lost++;
            }
        }
        assertTrue(lost > 0, "stripping costs names");
        String warning = lost + " blocks start with a pointer into " + stripped;
        String err = listing.err();
        assertTrue(err.contains(warning) && err.contains("present but stripped and no debug file was found")
                && err.contains("looked in: " + defaultPlace), "expected \"" + warning + "\" in:\n" + err);
    }

    private Path stripped(String folder) throws Exception {
        Path out = dir.resolve(folder).resolve(EXE);
        Files.createDirectories(out.getParent());
        tool("strip", "-o", out.toString(), full.toString());
        try (ElfFile elf = ElfFile.open(out)) {
            assertTrue(!elf.hasSymtab(), out + " is stripped");
        }
        return out;
    }

    private static String buildId(Path file) {
        try (ElfFile elf = ElfFile.open(file)) {
            return elf.buildId();
        }
    }

    /** How many _ZTV symbols the executable's .symtab defines (nm, not maze). */
    private long exeVtables(Path exe) throws Exception {
        return tool("nm", "--defined-only", exe.toString()).stream()
                .filter(l -> l.matches("\\S+ [a-zA-Z] _ZTV.*")).count();
    }

    private Path core(Path exe, Path truthFile) throws IOException, InterruptedException {
        try (FixtureProcess fp = FixtureProcess.start(List.of(exe.toString(), "kinds", truthFile.toString()), dir,
                FixtureProcess.defaultTimeout())) {
            return fp.gcore(dir);
        }
    }

    /** The rows of {@code maze blocks CORE ARGS... -o NAME.jsonl} and what it said on stderr. */
    private record Listing(List<String> rows, String err) {
    }

    private Listing blocks(Path core, String name, String... args) throws IOException {
        Path out = dir.resolve(name + ".jsonl");
        List<String> command = new ArrayList<>(List.of("blocks", core.toString(), "-o", out.toString()));
        command.addAll(List.of(args));
        CliRun r = CliRun.maze(command.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        return new Listing(Files.readAllLines(out, StandardCharsets.UTF_8), r.err());
    }

    private JsonNode typeNames(Path core, String... args) throws IOException {
        Path json = dir.resolve("report.json");
        Files.deleteIfExists(json);
        List<String> command = new ArrayList<>(List.of("analyze", core.toString(), "--json", json.toString()));
        command.addAll(List.of(args));
        CliRun r = CliRun.maze(command.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(json.toFile()).at("/summary/type_names");
    }

    private static long named(JsonNode typeNames) {
        long n = 0;
        for (JsonNode count : typeNames.get("blocks")) {
            n += count.asLong();
        }
        return n;
    }

    private static long cxxRows(List<String> rows) {
        return rows.stream().filter(r -> r.contains("\"type\":\"C++ ")).count();
    }

    private List<String> tool(String... command) throws Exception {
        return Tools.run(dir, command);
    }
}

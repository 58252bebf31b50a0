package maze.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import maze.core.ElfFile;
import maze.core.ElfSymbol;
import maze.testing.BlockListing;
import maze.testing.CliRun;
import maze.testing.FixtureProcess;
import maze.testing.Tools;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared library's C++ names from its debug file: libshapes.so hides its classes (vtables in
 * .symtab only, none in .dynsym) and is stripped; the program says how many objects it made. With
 * the debug file in a build-id folder every one is named; without it every one is counted in the
 * warning about the stripped library.
 */
@Tag("gcore")
class LibraryDebugNamesTest {
    private static final String SQUARE = "shapes::Square";

    @TempDir
    Path tmp;

    @Test
    void aStrippedLibrarysHiddenClassesAreNamedFromItsDebugFile() throws Exception {
        Path dir = tmp.toRealPath();
        Path built = dir.resolve("full").resolve("libshapes.so");
        Path lib = dir.resolve("run").resolve("libshapes.so");
        Files.createDirectories(built.getParent());
        Files.createDirectories(lib.getParent());
        Tools.run(dir, "g++", "-O1", "-g", "-fPIC", "-shared", "-fvisibility=hidden", "-o", built.toString(),
                source(dir, "shapes.cpp").toString());
        Tools.run(dir, "strip", "-o", lib.toString(), built.toString());
        Path exe = dir.resolve("run").resolve("shapes_main");
        Tools.run(dir, "g++", "-O1", "-o", exe.toString(), source(dir, "shapes_main.cpp").toString(),
                "-L" + lib.getParent(), "-lshapes", "-Wl,-rpath," + lib.getParent());
        Path debugDir = dir.resolve("debug");
        String id;
        try (ElfFile elf = ElfFile.open(lib)) {
            assertTrue(!elf.hasSymtab() && elf.symbols("_ZTV").stream().noneMatch(ElfSymbol::defined),
                    "stripped, no vtable in .dynsym");
            id = elf.buildId();
        }
        Path byId = debugDir.resolve(".build-id").resolve(id.substring(0, 2)).resolve(id.substring(2) + ".debug");
        Files.createDirectories(byId.getParent());
        Tools.run(dir, "objcopy", "--only-keep-debug", built.toString(), byId.toString());

        long made;
        Path core;
        try (FixtureProcess fp = FixtureProcess.start(List.of(exe.toString()), dir, FixtureProcess.defaultTimeout())) {
            made = Long.parseLong(fp.outputSoFar().stream().filter(l -> l.startsWith("SQUARES ")).findFirst()
                    .orElseThrow().split(" ")[1]);
            core = fp.gcore(dir);
        }
        assertTrue(made > 0, "the program made squares");

        CliRun named = CliRun.maze("blocks", core.toString(), "-o", dir.resolve("named.jsonl").toString(),
                "--debug-file-directory", debugDir.toString());
        assertEquals(0, named.exit(), named.err());
        assertEquals(made, BlockListing.read(dir.resolve("named.jsonl")).cxxCount(SQUARE), named.err());
        assertTrue(!named.err().contains("probably a vtable"), named.err());

        CliRun bare = CliRun.maze("blocks", core.toString(), "-o", dir.resolve("bare.jsonl").toString());
        assertEquals(0, bare.exit(), bare.err());
        assertEquals(0, BlockListing.read(dir.resolve("bare.jsonl")).cxxCount(SQUARE), bare.err());
        assertTrue(bare.err().contains(made + " blocks start with a pointer into " + lib + ", probably a vtable")
                && bare.err().contains("present but stripped and no debug file was found"), bare.err());
    }

    private Path source(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, file);
        }
        return file;
    }
}

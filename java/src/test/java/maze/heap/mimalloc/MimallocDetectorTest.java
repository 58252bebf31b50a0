package maze.heap.mimalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import maze.core.ElfFile;
import maze.core.Module;
import maze.gdb.CBuild;
import maze.testing.FakeMemory;
import maze.testing.Fixtures;
import maze.testing.MimallocBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection on every provisioned build: the version comes from mi_version()'s code read from the
 * file (a gcore core holds no text), and the generation markers agree with it.
 */
class MimallocDetectorTest {
    private static final Map<String, String> EXPECTED = Map.of("2.0.9", "2.0.9 (mi_version)",
            "3.0.1", "3.0.1 (mi_version)", "3.6.0", "3.6.0 (mi_version)");

    @Test
    void versionFromCodeOfEveryBuild() throws IOException {
        for (MimallocBuilds.Build b : MimallocBuilds.all()) {
            Module mod = new Module(b.path().toString(), b.name(), 0x7f0000000000L, b.buildId(), b.path(), b.buildId(),
                    false);
            try (ModuleFile file = new ModuleFile(ElfFile.open(b.path()))) {
                assertTrue(file.export("mi_malloc") != null, b.name());
                assertEquals(EXPECTED.get(b.version()), MimallocDetector.version(new FakeMemory(), mod, file).describe(),
                        b.name());
            }
        }
    }

    @Test
    void markersGiveTheGenerationWithoutMiVersion() throws IOException {
        for (MimallocBuilds.Build b : MimallocBuilds.all()) {
            Module mod = new Module(b.path().toString(), b.name(), 0x7f0000000000L, b.buildId(), b.path(), b.buildId(),
                    false);
            try (ModuleFile file = new ModuleFile(ElfFile.open(b.path()))) {
                int generation = MimallocDetector.generation(new FakeMemory(), mod, file); // -O0: from _mi_ptr_segment
                assertEquals(Character.digit(b.version().charAt(0), 10), generation, b.name());
            }
        }
    }

    /** 3.1.6's archive linked into heap_truth: mi_malloc is local there, mi_version global. */
    @Test
    void linkedStaticArchiveIsFoundByMiVersion() throws IOException {
        Path exe = Fixtures.binary("heap_truth_mi_static");
        Module mod = new Module(exe.toString(), "heap_truth_mi_static", 0x555555554000L, null, exe, null, false);
        try (ModuleFile file = new ModuleFile(ElfFile.open(exe))) {
            assertNull(file.export("mi_malloc"), "mi_malloc should be local in the executable");
            assertTrue(MimallocDetector.isMimalloc(new FakeMemory(), mod, file));
            assertEquals("3.1.6 (mi_version)", MimallocDetector.version(new FakeMemory(), mod, file).describe());
        }
    }

    /** A global mi_version alone (another library's function of that name) is not mimalloc. */
    @Test
    void miVersionWithoutMiMallocIsNotMimalloc(@TempDir Path tmp) throws IOException, InterruptedException {
        Fixtures.require(CBuild.onPath("cc"), "no C compiler (cc) on the PATH");
        Path src = Files.writeString(tmp.resolve("other.c"), "int mi_version(void) { return 301; }\n"
                + "int main(void) { return mi_version(); }\n");
        Path exe = tmp.resolve("other");
        CBuild.run(List.of("cc", "-O1", "-o", exe.toString(), src.toString()));
        Module mod = new Module(exe.toString(), "other", 0x555555554000L, null, exe, null, false);
        try (ModuleFile file = new ModuleFile(ElfFile.open(exe))) {
            assertTrue(file.export("mi_version") != null, "the premise: a global mi_version");
            assertFalse(MimallocDetector.isMimalloc(new FakeMemory(), mod, file));
        }
    }

    @Test
    void tlsSlotOfTheThreadHeapInDebian209() throws IOException {
        MimallocBuilds.Build debian = MimallocBuilds.all().stream().filter(b -> b.name().equals("debian-2.0.9"))
                .findFirst().orElseThrow();
        try (ModuleFile file = new ModuleFile(ElfFile.open(debian.path()))) {
            assertEquals(java.util.List.of(0x1bfc0L), file.tpoffSlots(0));
        }
    }
}

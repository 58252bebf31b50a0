package maze.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import maze.core.CoreModel;
import maze.core.DebugFiles;
import maze.core.ElfFile;
import maze.core.MappedFile;
import maze.core.Module;
import maze.core.Segment;
import maze.testing.Fixtures;
import maze.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module whose file is not on this host: its debug file, found by the core's build-id alone,
 * still names its vtables at link-time address + load bias; without one, its read-only mappings
 * count the blocks that lose their names, and the warning says where maze looked.
 */
class ModuleVtablesTest {
    private static final long BIAS = 0x555500000000L;
    private static final String PATH = "/gone/heap_truth";

    @TempDir
    Path dir;

    @Test
    void aMissingModulesDebugFileNamesItsVtablesAtTheLoadBias() throws Exception {
        Path exe = Fixtures.binary("heap_truth");
        String id = buildId(exe);
        Path byId = dir.resolve("debug/.build-id").resolve(id.substring(0, 2)).resolve(id.substring(2) + ".debug");
        Files.createDirectories(byId.getParent());
        Tools.run(dir, "objcopy", "--only-keep-debug", exe.toString(), byId.toString());
        List<String> notes = new ArrayList<>();

        ModuleVtables v = ModuleVtables.read(core(id), new DebugFiles(List.of(dir.resolve("debug"))), notes::add);

        List<String> expected = Tools.run(dir, "nm", "--defined-only", exe.toString()).stream()
                .filter(l -> l.matches("\\S+ [a-zA-Z] _ZTV.*"))
                .map(l -> Long.toHexString(Long.parseUnsignedLong(l.substring(0, l.indexOf(' ')), 16) + BIAS)
                        + " " + l.substring(l.lastIndexOf(' ') + 1)).sorted().toList();
        List<String> found = v.symbols().stream().map(s -> {
            assertEquals(VtableSource.DEBUG_FILE, s.source(), s.toString());
            return Long.toHexString(s.address()) + " " + s.mangled();
        }).sorted().toList();
        assertTrue(!expected.isEmpty(), "nm lists the fixture's vtables");
        assertEquals(expected, found);
        assertEquals("debug_file", v.symbolsByModule().get(PATH).best());
        assertEquals(byId, v.symbolsByModule().get(PATH).debugFile());
        assertTrue(!v.unnamed().any(), "nothing is unnamed");
        assertEquals(List.of(), notes);
    }

    @Test
    void withoutADebugFileItsReadOnlyMappingsCountTheUnnamedBlocks() {
        String id = "aabbccddeeff00112233445566778899aabbccdd";
        ModuleVtables v = ModuleVtables.read(core(id), new DebugFiles(List.of(dir)), w -> { });
        assertEquals(List.of(), v.symbols());
        assertEquals("none", v.symbolsByModule().get(PATH).best());
        assertNull(v.symbolsByModule().get(PATH).debugFile());
        UnnamedModules unnamed = v.unnamed();
        unnamed.count(BIAS + 0x6c30);         // read-only mapping
        unnamed.count(BIAS + 0x9000);         // writable mapping: data, not a vtable
        assertEquals(1, unnamed.count(PATH));
        assertEquals(List.of("1 blocks start with a pointer into " + PATH + ", probably a vtable, but their C++ types"
                + " are not named (listed as malloc(N)): its file is not here (pass --exe or --sysroot); looked in: "
                + dir.resolve(".build-id/aa/bbccddeeff00112233445566778899aabbccdd.debug")
                + " (pass --debug-file-directory DIR or install its debug package)"), unnamed.warnings());
    }

    /** A core whose executable is {@link #PATH} (not on this host) with build-id {@code id}. */
    private static CoreModel core(String id) {
        Module exe = new Module(PATH, PATH, BIAS, id, null, null, true);
        List<Segment> segments = List.of(new Segment(BIAS, 0x8000, 0, 0, Segment.PF_R),
                new Segment(BIAS + 0x8000, 0x2000, 0, 0x2000, Segment.PF_R | Segment.PF_W));
        List<MappedFile> files = List.of(new MappedFile(BIAS, BIAS + 0x8000, 0, PATH),
                new MappedFile(BIAS + 0x8000, BIAS + 0xa000, 0x8000, PATH));
        return new CoreModel(Path.of("core"), 1 << 20, false, 1, 0, "p", "p", "p", PATH, List.of(), segments, files,
                Map.of(), List.of(exe), List.of());
    }

    private static String buildId(Path file) {
        try (ElfFile elf = ElfFile.open(file)) {
            return elf.buildId();
        }
    }
}

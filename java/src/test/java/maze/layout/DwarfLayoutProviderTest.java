package maze.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import maze.gdb.CBuild;
import maze.gdb.GdbOptions;
import maze.gdb.GdbSession;
import maze.gdb.GdbTesting;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("gdb")
class DwarfLayoutProviderTest {
    @TempDir
    Path tmp;

    private DwarfLayoutProvider provider(GdbOptions options) {
        return new DwarfLayoutProvider(options, LayoutCache.at(tmp.resolve("cache")));
    }

    private static LayoutRequest structs(String... names) {
        return new LayoutRequest(List.of(names), List.of(), List.of());
    }

    @Test
    void aWarmCacheStartsNoGdbAndRemembersWhatIsMissing() {
        GdbTesting.requireGlibcDebugInfo();
        LayoutRequest r = new LayoutRequest(List.of("malloc_state", "no_such_struct_here"),
                List.of("main_arena", "no_such_symbol_here"), List.of("tcache"));
        long before = GdbSession.starts();
        ModuleLayouts cold = provider(GdbOptions.defaults()).forFile(GdbTesting.LIBC, r);
        assertEquals(before + 1, GdbSession.starts(), "one gdb for the whole request");
        ModuleLayouts warm = provider(GdbOptions.defaults()).forFile(GdbTesting.LIBC, r);
        assertEquals(before + 1, GdbSession.starts(), "the second run is answered from disk");
        assertEquals(cold.struct("malloc_state"), warm.struct("malloc_state"));
        assertEquals(cold.symbol("main_arena"), warm.symbol("main_arena"));
        assertEquals(cold.tlsOffset("tcache"), warm.tlsOffset("tcache"));
        assertTrue(warm.symbol("no_such_symbol_here").isEmpty());
        LayoutException e = assertThrows(LayoutException.class, () -> warm.struct("no_such_struct_here"));
        assertTrue(e.getMessage().contains("no struct, union or type named 'no_such_struct_here'"), e.getMessage());
        assertTrue(Files.exists(tmp.resolve("cache").resolve(cold.buildId() + ".json")));
    }

    @Test
    void aLargerRequestAsksGdbOnlyForTheNewNames() {
        GdbTesting.requireGlibcDebugInfo();
        provider(GdbOptions.defaults()).forFile(GdbTesting.LIBC, structs("malloc_chunk"));
        ModuleLayouts both = provider(GdbOptions.defaults()).forFile(GdbTesting.LIBC, structs("malloc_chunk", "heap_info"));
        assertEquals(48, both.struct("heap_info").size());
        long before = GdbSession.starts();
        ModuleLayouts again = provider(GdbOptions.defaults()).forFile(GdbTesting.LIBC, structs("heap_info", "malloc_chunk"));
        assertEquals(before, GdbSession.starts());
        assertEquals(48, again.struct("malloc_chunk").size());
    }

    @Test
    void aDebugFileDirectoryIsSearchedByBuildId() throws Exception {
        GdbTesting.requireGlibcDebugInfo();
        String id = GdbTesting.libcBuildId();
        Path dir = tmp.resolve("dbg");
        Path copy = GdbTesting.copyLibcDebugFileInto(dir);
        ModuleLayouts libc = new DwarfLayoutProvider(GdbOptions.defaults().withDebugFileDirectories(List.of(dir)),
                LayoutCache.disabled()).forFile(GdbTesting.LIBC, structs("malloc_state"));
        assertEquals(2200, libc.struct("malloc_state").size());
        assertEquals(copy.toString(), libc.debugFile());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        ModuleLayouts none = new DwarfLayoutProvider(GdbOptions.defaults().withDebugFileDirectories(List.of(empty)),
                LayoutCache.disabled()).forFile(GdbTesting.LIBC, structs("malloc_state"));
        LayoutException e = assertThrows(LayoutException.class, () -> none.struct("malloc_state"));
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(id), e.getMessage());
    }

    @Test
    void aStrippedLibrarySaysWhichFileAndWhereDebugFilesWereLookedFor() throws Exception {
        GdbTesting.requireGdb();
        Path so = CBuild.strippedShapes(tmp.resolve("libshapes.so"), "feedface0001");
        LayoutRequest r = new LayoutRequest(List.of("shapes"), List.of("hidden_counter"), List.of("per_thread"));
        ModuleLayouts m = provider(GdbOptions.defaults()).forFile(so, r);
        assertFalse(m.hasDebugInfo());
        LayoutException e = assertThrows(LayoutException.class, () -> m.struct("shapes"));
        assertEquals("no DWARF debug info for " + so + " (build-id feedface0001): gdb looked for a separate debug file"
                + " in /usr/lib/debug (as .build-id/fe/edface0001.debug); install the module's debug package or pass"
                + " --debug-file-directory DIR", e.getMessage());
        assertTrue(m.symbol("hidden_counter").isPresent(), "ELF symbols still answer");
        assertEquals(0, m.tlsOffset("per_thread").orElseThrow(), "told apart from an address without DWARF");
        assertTrue(m.symbol("per_thread").isEmpty());
        // its hand-set 6-byte build-id is too short to key the cache: path, size and time do
        assertTrue(Files.exists(tmp.resolve("cache").resolve(DwarfLayoutProvider.fileKey(so) + ".json")),
                "no DWARF is remembered too");

        long starts = GdbSession.starts();
        ModuleLayouts again = provider(GdbOptions.defaults()).forFile(so, r);
        assertEquals(starts, GdbSession.starts(), "a second run knows there is no DWARF without gdb");
        assertFalse(again.hasDebugInfo());
        assertEquals(e.getMessage(), assertThrows(LayoutException.class, () -> again.struct("shapes")).getMessage());
        assertEquals(m.symbol("hidden_counter"), again.symbol("hidden_counter"));
    }

    @Test
    void aDebugFileThatAppearsLaterIsUsed() throws Exception {
        GdbTesting.requireGdb();
        Path so = CBuild.compile("shapes.c", tmp.resolve("libshapes.so"), "-g", "-shared", "-fPIC",
                "-Wl,--build-id=0xfeedface0002");
        Path debugDir = Files.createDirectories(tmp.resolve("debug/.build-id/fe"));
        CBuild.run(List.of("objcopy", "--only-keep-debug", so.toString(), debugDir.resolve("edface0002.debug").toString()));
        Path hidden = tmp.resolve("edface0002.debug.later");
        Files.move(debugDir.resolve("edface0002.debug"), hidden);
        CBuild.run(List.of("strip", "--strip-debug", so.toString()));
        GdbOptions opts = GdbOptions.defaults().withDebugFileDirectories(List.of(tmp.resolve("debug")));
        LayoutRequest r = new LayoutRequest(List.of("shapes"), List.of(), List.of());
        assertFalse(provider(opts).forFile(so, r).hasDebugInfo());
        Files.move(hidden, debugDir.resolve("edface0002.debug"));
        assertEquals(112, provider(opts).forFile(so, r).struct("shapes").size());
    }

    @Test
    void ownLibraryWithoutBuildIdIsCachedByPathSizeAndTime() throws Exception {
        GdbTesting.requireGdb();
        Path so = CBuild.compile("shapes.c", tmp.resolve("libnoid.so"), "-g", "-shared", "-fPIC", "-Wl,--build-id=none");
        LayoutRequest r = new LayoutRequest(List.of("shapes", "point_t", "point"), List.of("global_shapes"),
                List.of("per_thread"));
        ModuleLayouts m = provider(GdbOptions.defaults()).forFile(so, r);
        assertEquals(112, m.struct("shapes").size());
        assertEquals(4, m.struct("point_t").offset("y"), "a typedef name");
        assertEquals(8, m.struct("point").size());
        assertEquals(new FieldLayout("wide", 1, 4, 1, 12), m.struct("shapes").field("wide"));
        assertEquals(0, m.tlsOffset("per_thread").orElseThrow());
        long before = GdbSession.starts();
        provider(GdbOptions.defaults()).forFile(so, r);
        assertEquals(before, GdbSession.starts());
        assertTrue(Files.exists(tmp.resolve("cache").resolve(DwarfLayoutProvider.fileKey(so) + ".json")));
    }
}

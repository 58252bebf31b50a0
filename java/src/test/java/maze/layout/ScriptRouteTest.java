package maze.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import maze.gdb.CBuild;
import maze.gdb.GdbOptions;
import maze.gdb.GdbTesting;
import maze.testing.Fixtures;
import maze.testing.MimallocBuilds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-command route (maze.py) gives exactly what the per-struct ptype route gives. */
@Tag("gdb")
class ScriptRouteTest {
    @TempDir
    Path tmp;

    /** Everything a fetch learned, in a form whose equals ignores the order answers came in. */
    record Answers(Map<String, StructLayout> structs, Set<String> missingStructs, Map<String, Long> symbols,
                   Set<String> missingSymbols, Map<String, Long> tls, Set<String> missingTls, String debugFile,
                   String noDebugInfo) {
        static Answers of(ModuleLayouts m) {
            return new Answers(Map.copyOf(m.structs), Set.copyOf(m.missingStructs), Map.copyOf(m.symbols),
                    Set.copyOf(m.missingSymbols), Map.copyOf(m.tls), Set.copyOf(m.missingTls), m.debugFile(),
                    m.noDebugInfoMessage());
        }
    }

    /** Fetches {@code r} by both routes; asserts they agree and returns the answers. */
    private Answers bothAgree(Path file, LayoutRequest r) {
        Answers ptype = Answers.of(fetch(file, r, FetchRoute.PTYPE));
        Answers script = Answers.of(fetch(file, r, FetchRoute.SCRIPT_ONLY));
        assertEquals(ptype, script);
        return script;
    }

    private ModuleLayouts fetch(Path file, LayoutRequest r, FetchRoute route) {
        return new DwarfLayoutProvider(GdbOptions.defaults(), LayoutCache.disabled(), route).forFile(file, r);
    }

    @Test
    void glibcMallocRequest() {
        GdbTesting.requireGlibcDebugInfo();
        LayoutRequest r = new LayoutRequest(
                List.of("malloc_state", "malloc_par", "heap_info", "tcache_perthread_struct", "malloc_chunk",
                        "struct malloc_chunk", "no_such_struct_here", "main_arena"),
                List.of("main_arena", "mp_", "tcache_key", "__libc_version", "tcache", "no_such_symbol_here"),
                List.of("tcache", "main_arena"));
        Answers a = bothAgree(GdbTesting.LIBC, r);
        assertEquals(48, a.structs().get("heap_info").size(), "a typedef name");
        assertEquals(Set.of("no_such_struct_here", "main_arena"), a.missingStructs(), "a variable is not a type");
        assertTrue(a.symbols().containsKey("mp_") && !a.symbols().containsKey("tcache"), a.symbols().toString());
        assertEquals(Set.of("tcache"), a.tls().keySet());
        assertEquals(Set.of("tcache", "no_such_symbol_here"), a.missingSymbols());
        assertEquals(Set.of("main_arena"), a.missingTls());
    }

    @Test
    void ldSoLinkMapWithBitfieldsAndUnions() {
        GdbTesting.requireGlibcDebugInfo();
        Answers a = bothAgree(GdbTesting.LD_SO, new LayoutRequest(List.of("struct link_map", "r_scope_elem"),
                List.of("_rtld_global", "_dl_argv"), List.of()));
        StructLayout lm = a.structs().get("struct link_map");
        assertTrue(lm.fields().values().stream().filter(FieldLayout::isBitfield).count() > 10, "bitfields");
        assertTrue(lm.has("l_searchlist.r_nlist") && lm.has("l_chain") && lm.has("l_gnu_buckets"), "a union's members");
    }

    @Test
    void mimallocDebugBuildWithBitfieldsAndUnions() throws IOException {
        GdbTesting.requireGdb();
        Path index = MimallocBuilds.cacheDir().resolve("mimalloc-index.tsv");
        Fixtures.require(Files.isRegularFile(index), index + " is missing: run tests/provision/mimalloc.sh");
        Path lib = MimallocBuilds.named("mimalloc-2.0.9-debug").path();
        // what the 2.x walker asks for (segments.V2Layout.REQUEST in heap.mimalloc), plus a typedef'd union of bitfields
        Answers a = bothAgree(lib, new LayoutRequest(List.of("mi_segment_t", "mi_page_t", "mi_heap_t",
                "mi_page_queue_t", "mi_tld_t", "mi_page_flags_t"), List.of("_mi_heap_main", "abandoned",
                "abandoned_visited", "mi_segment_map", "mi_version"), List.of("_mi_heap_default")));
        assertTrue(a.structs().get("mi_page_flags_t").field("x.in_full").isBitfield());
        assertTrue(a.structs().get("mi_page_t").has("flags") && !a.structs().get("mi_page_t").has("flags.x"),
                "a typedef'd member is not expanded");
        assertTrue(a.tls().containsKey("_mi_heap_default"));
    }

    @Test
    void cornersOfCLayouts() throws Exception {
        GdbTesting.requireGdb();
        Path so = CBuild.compile("corners.c", tmp.resolve("libcorners.so"), "-g", "-shared", "-fPIC");
        Answers a = bothAgree(so, new LayoutRequest(List.of("corners", "bare", "anon_t", "flags_t", "counter_t",
                "colour", "enum colour", "a_bare"), List.of("a_corners_variable", "use"), List.of("per_thread_counter")));
        StructLayout c = a.structs().get("corners");
        assertEquals(new FieldLayout("u.in_union", 4, 4, 0, 3), c.field("u.in_union"));
        assertEquals(new FieldLayout("after", 1, 4, 0, 4), c.field("after"), "after an unnamed bitfield");
        assertEquals(new FieldLayout("outer", 32, 8), c.field("outer"), "an array is not expanded");
        assertFalse(c.has("typedefd.a") || c.has("flags.all") || c.has("outer.inner"), c.fields().keySet().toString());
        assertTrue(c.has("konst.l") && c.has("flex") && !c.has("anon_ptr.hidden"), c.fields().keySet().toString());
        assertEquals(Set.of("counter_t", "colour", "enum colour", "a_bare"), a.missingStructs());
    }

    @Test
    void cxxClasses() throws Exception {
        GdbTesting.requireGdb();
        Path so = CBuild.compile("classes.cpp", tmp.resolve("libclasses.so"), "-g", "-shared", "-fPIC");
        Answers a = bothAgree(so, new LayoutRequest(List.of("ns::Span", "ns::Box<int>", "Base", "class Base",
                "class ns::Span"), List.of("a_span", "ns::head", "ns::Holder::total"), List.of()));
        assertEquals(Set.of("a_span", "ns::head", "ns::Holder::total"), a.symbols().keySet());
        assertEquals(a.structs().get("ns::Span").fields(), a.structs().get("class ns::Span").fields());
        assertTrue(a.structs().containsKey("class Base"), a.missingStructs().toString());
        StructLayout span = a.structs().get("ns::Span");
        assertEquals(56, span.size());
        assertEquals(new FieldLayout("sizeclass", 37, 8, 0, 8), span.field("sizeclass"));
        assertTrue(span.has("box.value") && span.has("freelist") && span.has("priv"), span.fields().keySet().toString());
        assertFalse(span.has("id") || span.has("m") || span.has("kMax"), "base members and statics are not listed");
    }

    @Test
    void strippedLibrary() throws Exception {
        GdbTesting.requireGdb();
        Path so = CBuild.strippedShapes(tmp.resolve("libshapes.so"), "feedface0002");
        Answers a = bothAgree(so, new LayoutRequest(List.of("shapes"), List.of("hidden_counter", "per_thread"),
                List.of("per_thread")));
        assertTrue(a.noDebugInfo().startsWith("no DWARF debug info for " + so), a.noDebugInfo());
        assertEquals(Map.of("per_thread", 0L), a.tls());
        assertEquals(Set.of("hidden_counter"), a.symbols().keySet());
    }
}

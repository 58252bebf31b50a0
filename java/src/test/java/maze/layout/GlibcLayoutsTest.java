package maze.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import maze.gdb.GdbOptions;
import maze.gdb.GdbTesting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the glibc walker will ask for, read from this machine's glibc 2.36 and its libc6-dbg DWARF. */
@Tag("gdb")
class GlibcLayoutsTest {
    /** The libc.so.6 the transcripts were recorded from; link-time addresses are checked for it only. */
    private static final String RECORDED_LIBC = "93ac61ec5a8eb1396f9fbd350e3169a558528a40";

    static final LayoutRequest MALLOC = new LayoutRequest(
            List.of("malloc_state", "malloc_chunk", "tcache_perthread_struct", "malloc_par", "heap_info", "tcache_entry"),
            List.of("main_arena", "mp_", "tcache_key", "__libc_version"),
            List.of("tcache"));

    @TempDir
    Path cache;
    DwarfLayoutProvider provider;

    @BeforeEach
    void setUp() {
        GdbTesting.requireGlibcDebugInfo();
        provider = new DwarfLayoutProvider(GdbOptions.defaults(), LayoutCache.at(cache));
    }

    @Test
    void mallocStructs() {
        ModuleLayouts libc = provider.forFile(GdbTesting.LIBC, MALLOC);
        StructLayout av = libc.struct("malloc_state");
        assertEquals(2200, av.size());
        assertEquals(112, av.offset("bins"));
        assertEquals(2160, av.offset("next"));
        assertEquals(2184, av.offset("system_mem"));
        assertEquals(48, libc.struct("malloc_chunk").size());
        assertEquals(8, libc.struct("malloc_chunk").offset("mchunk_size"));
        StructLayout tc = libc.struct("tcache_perthread_struct");
        assertEquals(640, tc.size());
        assertEquals(new FieldLayout("counts", 0, 128), tc.field("counts"));
        assertEquals(128, tc.offset("entries"));
        StructLayout mp = libc.struct("malloc_par");
        assertEquals(136, mp.size());
        assertTrue(mp.has("sbrk_base") && mp.has("n_mmaps") && mp.has("mmapped_mem"), mp.fields().keySet().toString());
        assertEquals(48, libc.struct("heap_info").size(), "a typedef of struct _heap_info");
        assertEquals(8, libc.struct("tcache_entry").offset("key"));
    }

    @Test
    void mallocSymbolsAndTheTcacheTlsOffset() {
        ModuleLayouts libc = provider.forFile(GdbTesting.LIBC, MALLOC);
        long arena = libc.symbol("main_arena").orElseThrow();
        long mp = libc.symbol("mp_").orElseThrow();
        long key = libc.symbol("tcache_key").orElseThrow();
        assertTrue(arena > 0 && mp > 0 && key > 0);
        assertNotEquals(arena, mp);
        assertTrue(libc.tlsOffset("tcache").isPresent());
        assertTrue(libc.symbol("tcache").isEmpty(), "a TLS variable has no link-time address");
        assertTrue(libc.debugFile().startsWith("/usr/lib/debug/.build-id/"), libc.debugFile());
        if (RECORDED_LIBC.equals(libc.buildId())) {
            assertEquals(0x1d3c60, arena);
            assertEquals(0x48, libc.tlsOffset("tcache").getAsLong());
        }
    }

    @Test
    void linkMapOfTheDynamicLinker() {
        ModuleLayouts ld = provider.forFile(GdbTesting.LD_SO,
                new LayoutRequest(List.of("link_map"), List.of("_rtld_global"), List.of()));
        StructLayout lm = ld.struct("link_map");
        assertEquals(new FieldLayout("l_tls_offset", 1144, 8), lm.field("l_tls_offset"));
        assertEquals(new FieldLayout("l_tls_modid", 1152, 8), lm.field("l_tls_modid"));
        assertEquals(24, lm.offset("l_next"));
        assertTrue(ld.symbol("_rtld_global").isPresent());
    }
}

package maze.heap.glibc;

import java.util.List;
import maze.layout.LayoutException;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;

/**
 * The offsets the glibc walker reads, taken from libc's DWARF (never hard-coded), and the link-time
 * addresses of its globals. Built once per analysis.
 */
record GlibcLayout(
        long mainArena, long mpAddress, long tcacheTlsOffset, long libcVersionAddress,
        long arenaSize, long arenaTop, long arenaNext, long arenaSystemMem, long arenaFastbins, int fastbinCount,
        long arenaBins, int binCount,
        long mpSbrkBase, long mpNMmaps, long mpMmappedMem, long mpTrimThreshold, long mpMmapThreshold, long mpArenaMax,
        long heapInfoSize, long heapArPtr, long heapPrev, long heapSize,
        long tcacheCounts, int tcacheCountSize, long tcacheEntries, int tcacheBins) {

    static final LayoutRequest REQUEST = new LayoutRequest(
            List.of("struct malloc_state", "struct malloc_par", "heap_info", "struct tcache_perthread_struct"),
            List.of("main_arena", "mp_", "__libc_version"),
            List.of("tcache"));

    static GlibcLayout from(LayoutSource libc) {
        StructLayout arena = libc.struct("struct malloc_state");
        StructLayout mp = libc.struct("struct malloc_par");
        StructLayout heap = libc.struct("heap_info");
        StructLayout tcache = libc.struct("struct tcache_perthread_struct");
        long fastbinsBytes = arena.field("fastbinsY").size();
        long entriesBytes = tcache.field("entries").size();
        int bins = (int) (entriesBytes / 8);
        return new GlibcLayout(
                required(libc, "main_arena"), required(libc, "mp_"),
                libc.tlsOffset("tcache").orElse(-1), libc.symbol("__libc_version").orElse(0),
                arena.size(), arena.offset("top"), arena.offset("next"), arena.offset("system_mem"),
                arena.offset("fastbinsY"), (int) (fastbinsBytes / 8), arena.offset("bins"),
                (int) (arena.field("bins").size() / 8),
                mp.offset("sbrk_base"), mp.offset("n_mmaps"), mp.offset("mmapped_mem"),
                optional(mp, "trim_threshold"), optional(mp, "mmap_threshold"), optional(mp, "arena_max"),
                heap.size(), heap.offset("ar_ptr"), heap.offset("prev"), heap.offset("size"),
                tcache.offset("counts"), (int) (tcache.field("counts").size() / Math.max(1, bins)),
                tcache.offset("entries"), bins);
    }

    /** The chunk size of a tcache_perthread_struct (entries is its last field). */
    long tcacheChunkSize() {
        return (tcacheEntries + 8L * tcacheBins + 8 + 15) & ~15L;
    }

    /** A field's offset, or -1 when this glibc's struct has no such field. */
    private static long optional(StructLayout s, String field) {
        return s.has(field) ? s.offset(field) : -1;
    }

    private static long required(LayoutSource libc, String symbol) {
        return libc.symbol(symbol).orElseThrow(() -> new LayoutException(
                "glibc symbol '" + symbol + "' is not in libc's symbols or debug info"));
    }
}

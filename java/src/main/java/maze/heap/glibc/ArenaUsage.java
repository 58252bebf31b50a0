package maze.heap.glibc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import maze.heap.MallocSpace;

/**
 * Where each arena's memory went, counted as glibc's mallinfo2() does (malloc.c int_mallinfo):
 * free = top chunk + fastbin chunks + chunks on the regular bins; chunks in a tcache count as in
 * use there, and are shown apart. Binned chunks are split by size band; the part of top above
 * M_TRIM_THRESHOLD is the untrimmed tail.
 */
final class ArenaUsage {
    private final GlibcMemory m;
    private final ArenaSpans spans;

    ArenaUsage(GlibcMemory m, List<Arena> arenas) {
        this.m = m;
        this.spans = ArenaSpans.of(arenas);
    }

    List<MallocSpace.Pool> pools(List<Arena> arenas, BinChecks bins, FreeChunks free, MallocParams params) {
        Map<Long, Long> fast = byArena(free.fastbinChunks());
        Map<Long, Long> cached = byArena(free.tcacheChunks());
        List<MallocSpace.Pool> pools = new ArrayList<>();
        for (Arena a : arenas) {
            long top = a.top() == 0 ? 0 : GlibcMemory.chunkSize(m.wordOr(a.top() + 8, 0));
            long[] bands = new long[MallocSpace.BAND_NAMES.size()];
            long binned = 0;
            for (long c : bins.binnedOf(a.address())) {
                long size = size(c);
                bands[MallocSpace.band(size)] += size;
                binned += size;
            }
            long fastbins = fast.getOrDefault(a.address(), 0L);
            long untrimmed = params.trimThreshold() < 0 ? 0 : Math.max(0, top - params.trimThreshold());
            pools.add(new MallocSpace.Pool(name(a), a.address(), a.systemMem(), top + fastbins + binned, bands, top,
                    untrimmed, fastbins, cached.getOrDefault(a.address(), 0L)));
        }
        return pools;
    }

    static String name(Arena a) {
        return a.main() ? "main_arena" : String.format("arena 0x%x", a.address());
    }

    private long size(long chunk) {
        return GlibcMemory.chunkSize(m.wordOr(chunk + 8, 0));
    }

    /** Chunk bytes of the listed chunks by the arena whose chunks hold them (one pass: lists may be long). */
    private Map<Long, Long> byArena(long[] chunks) {
        Map<Long, Long> sums = new HashMap<>();
        for (long c : chunks) {
            long size = size(c);
            sums.merge(spans.arenaOf(c, size), size, Long::sum);
        }
        return sums;
    }
}

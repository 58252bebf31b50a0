package maze.heap.jemalloc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import maze.heap.MallocSpace;
import maze.heap.OwnedMemory;

/**
 * jemalloc's memory for the process accounting, per arena (the index in each extent's e_bits):
 * active extents and the dirty and muzzy ones it keeps for reuse are owned; retained extents
 * (purged, address space kept for later) are reserved. Free regions of slabs, blocks held by
 * thread caches and the dirty and muzzy extents are its free bytes.
 */
final class ArenaSpace {
    static final int DIRTY = 1;
    static final int MUZZY = 2;
    static final int RETAINED = 3;
    private static final int ARENA_MASK = 0xfff;
    static final String FREE_IS = "free = dirty and muzzy extents + free slab regions + blocks in thread caches";

    private final Map<Integer, Tally> arenas = new TreeMap<>();
    private final List<OwnedMemory.Range> owned = new ArrayList<>();
    private final List<OwnedMemory.Range> reserved = new ArrayList<>();
    long dirtyBytes;
    long muzzyBytes;
    long retainedBytes;

    private static final class Tally {
        long system;
        long unused;
        long cached;
        final long[] freeByBand = new long[MallocSpace.BAND_NAMES.size()];
    }

    private Tally arena(Edata e) {
        return arenas.computeIfAbsent((int) (e.bits() & ARENA_MASK), i -> new Tally());
    }

    /** An active extent (its header checked against the map). */
    void active(Edata e) {
        arena(e).system += e.size();
        add(owned, e.base(), e.size(), "jemalloc extent");
    }

    /** An extent the arena keeps free, at its first page: dirty and muzzy are owned, retained reserved. */
    void unused(Edata e, int state) {
        if (state == RETAINED) {
            retainedBytes += e.size();
            add(reserved, e.base(), e.size(), "jemalloc retained extent (purged, address space kept)");
            return;
        }
        if (state != DIRTY && state != MUZZY) {
            return;
        }
        dirtyBytes += state == DIRTY ? e.size() : 0;
        muzzyBytes += state == MUZZY ? e.size() : 0;
        Tally t = arena(e);
        t.system += e.size();
        t.unused += e.size();
        add(owned, e.base(), e.size(), state == DIRTY ? "jemalloc dirty extent" : "jemalloc muzzy extent");
    }

    /** {@code bytes} free in blocks of {@code size} in extent {@code e}; {@code cached} of them in thread caches. */
    void free(Edata e, long size, long bytes, long cached) {
        Tally t = arena(e);
        t.freeByBand[MallocSpace.band(size)] += bytes;
        t.cached += cached;
    }

    private static void add(List<OwnedMemory.Range> to, long base, long bytes, String what) {
        OwnedMemory.Range last = to.isEmpty() ? null : to.get(to.size() - 1);
        if (last != null && last.end() == base && last.what().equals(what)) {
            to.set(to.size() - 1, new OwnedMemory.Range(last.start(), base + bytes, what));
        } else {
            to.add(new OwnedMemory.Range(base, base + bytes, what));
        }
    }

    OwnedMemory owned(int threads) {
        List<MallocSpace.Pool> pools = new ArrayList<>();
        arenas.forEach((i, t) -> {
            long binned = 0;
            for (long b : t.freeByBand) {
                binned += b;
            }
            pools.add(new MallocSpace.Pool("arena " + i, i, t.system, t.unused + binned, t.freeByBand.clone(),
                    t.unused, 0, 0, t.cached));
        });
        List<String> advice = new ArrayList<>();
        advice.add(String.format("%d bytes in dirty extents and %d in muzzy ones: jemalloc purges them as"
                + " dirty_decay_ms and muzzy_decay_ms elapse (MALLOC_CONF), or on mallctl arena.<i>.purge", dirtyBytes,
                muzzyBytes));
        if (retainedBytes > 0) {
            advice.add(String.format("%d bytes of retained extents (purged, address space kept for reuse): counted"
                    + " as other anonymous memory, not as jemalloc's", retainedBytes));
        }
        return new OwnedMemory(owned, reserved, new MallocSpace(pools, 0, 0, threads, advice, FREE_IS, "DirtyMuzzy"));
    }
}

package maze.heap.glibc;

import java.util.ArrayList;
import java.util.List;
import maze.heap.MallocSpace;

/**
 * Sentences on what glibc's tunables would change, each computed from the arenas' figures: why
 * free memory is not given back, and which knob (MALLOC_ARENA_MAX, M_TRIM_THRESHOLD) reaches it.
 */
final class GlibcAdvice {
    private GlibcAdvice() {
    }

    static List<String> of(List<MallocSpace.Pool> pools, MallocParams params, int threads, long mmappedBlocks,
                           long mmappedBytes) {
        List<String> out = new ArrayList<>();
        out.add(arenas(pools, params, threads));
        out.add(trim(pools, params));
        out.add(binned(pools));
        long tcache = pools.stream().mapToLong(MallocSpace.Pool::tcache).sum();
        long fastbins = pools.stream().mapToLong(MallocSpace.Pool::fastbins).sum();
        out.add(String.format("Thread caches hold %d bytes (tcache: mallinfo2 counts them in use) and fastbins %d bytes:"
                + " kept for reuse by the same sizes, given back by neither knob.", tcache, fastbins));
        if (mmappedBlocks > 0) {
            out.add(String.format("Blocks mapped on their own: %d, holding %d bytes (mmap threshold %s): freed, they go back"
                    + " to the system at once.", mmappedBlocks, mmappedBytes, known(params.mmapThreshold())));
        }
        return out;
    }

    private static String arenas(List<MallocSpace.Pool> pools, MallocParams params, int threads) {
        String limit = params.arenaMax() < 0 ? "unknown" : params.arenaMax() == 0
                ? "MALLOC_ARENA_MAX unset: 8 per core" : "MALLOC_ARENA_MAX=" + params.arenaMax();
        String head = String.format("%s for %s (%s).", count(pools.size(), "arena"), count(threads, "thread"), limit);
        if (pools.size() <= 1) {
            return head + " One arena: MALLOC_ARENA_MAX would change nothing.";
        }
        List<MallocSpace.Pool> others = pools.subList(1, pools.size());
        long free = others.stream().mapToLong(MallocSpace.Pool::free).sum();
        long system = others.stream().mapToLong(MallocSpace.Pool::systemBytes).sum();
        return head + String.format(" The %d arenas beside main_arena hold %d bytes free of their %d (%s): a lower"
                        + " MALLOC_ARENA_MAX makes threads share arenas, so one arena's free chunks serve the others"
                        + " (at the cost of lock contention).", others.size(), free, system, percent(free, system));
    }

    private static String trim(List<MallocSpace.Pool> pools, MallocParams params) {
        long top = pools.stream().mapToLong(MallocSpace.Pool::top).sum();
        if (params.trimThreshold() < 0) {
            return String.format("Top chunks hold %d bytes; M_TRIM_THRESHOLD is unknown (not in libc's debug info).", top);
        }
        long above = pools.stream().mapToLong(MallocSpace.Pool::untrimmed).sum();
        long arenas = pools.stream().filter(p -> p.untrimmed() > 0).count();
        String s = String.format("Top chunks hold %d bytes, %d of them above M_TRIM_THRESHOLD (%d)", top, above,
                params.trimThreshold());
        return above == 0 ? s + ": glibc keeps a top below the threshold on purpose; a lower M_TRIM_THRESHOLD (or"
                + " malloc_trim(0)) would give back up to the part of each top above it."
                : s + String.format(" in %s: glibc gives that tail back only when a free of 64 KiB or more reaches"
                + " top, or on malloc_trim(0); a lower M_TRIM_THRESHOLD trims sooner.", count(arenas, "arena"));
    }

    private static String binned(List<MallocSpace.Pool> pools) {
        long[] bands = new long[MallocSpace.BAND_NAMES.size()];
        long system = 0;
        for (MallocSpace.Pool p : pools) {
            for (int i = 0; i < bands.length; i++) {
                bands[i] += p.binnedByBand()[i];
            }
            system += p.systemBytes();
        }
        long all = 0;
        for (long b : bands) {
            all += b;
        }
        long small = bands[0] + bands[1];
        return String.format("Free chunks on the bins hold %d bytes (%s of the arenas' %d), %d of them in chunks under"
                + " 512 bytes: holes between live blocks, which neither knob gives back (malloc_trim(0) releases the"
                + " whole pages inside the larger ones).", all, percent(all, system), system, small);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String percent(long part, long whole) {
        return whole <= 0 ? "-" : String.format("%.1f%%", 100.0 * part / whole);
    }

    private static String known(long v) {
        return v < 0 ? "unknown" : Long.toString(v);
    }
}

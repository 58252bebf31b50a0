package maze.heap.tcmalloc;

import java.util.ArrayList;
import java.util.List;
import maze.heap.MallocSpace;
import maze.heap.OwnedMemory;

/**
 * tcmalloc's memory for the process accounting: every span of the page map, contiguous ones
 * merged; spans returned to the OS (madvised away, no longer resident) are reserved, not owned.
 * The free objects of spans in use by size band, the free spans' bytes.
 */
final class SpanSpace {
    /** Span::location of a free span still resident, and of one whose pages were given back. */
    static final int ON_NORMAL_FREELIST = 1;
    static final int ON_RETURNED_FREELIST = 2;
    static final String FREE_IS = "free = free spans on the page heap + free objects of spans in use"
            + " (on their span's list, in transfer caches and thread caches)";

    private final List<OwnedMemory.Range> owned = new ArrayList<>();
    private final List<OwnedMemory.Range> returned = new ArrayList<>();
    private final long[] freeByBand = new long[MallocSpace.BAND_NAMES.size()];
    private long spanBytes;
    long normalFreeBytes;
    long returnedBytes;

    void span(TcSpan s, int pageShift) {
        long base = s.base(pageShift);
        long bytes = s.bytes(pageShift);
        if (s.location() == ON_RETURNED_FREELIST) {
            returnedBytes += bytes;
            add(returned, base, bytes, "tcmalloc span returned to the OS (madvised, not resident)");
            return;
        }
        spanBytes += bytes;
        if (s.location() == ON_NORMAL_FREELIST) {
            normalFreeBytes += bytes;
        }
        add(owned, base, bytes, "tcmalloc span");
    }

    /** {@code count} free objects of {@code size} bytes in a span in use. */
    void freeObjects(long count, int size) {
        freeByBand[MallocSpace.band(size)] += count * size;
    }

    private static void add(List<OwnedMemory.Range> to, long base, long bytes, String what) {
        OwnedMemory.Range last = to.isEmpty() ? null : to.get(to.size() - 1);
        if (last != null && last.end() == base) {
            to.set(to.size() - 1, new OwnedMemory.Range(last.start(), base + bytes, what));
        } else {
            to.add(new OwnedMemory.Range(base, base + bytes, what));
        }
    }

    OwnedMemory owned(CacheFree caches, long pageHeap, int threads) {
        long binned = 0;
        for (long b : freeByBand) {
            binned += b;
        }
        MallocSpace.Pool heap = new MallocSpace.Pool("page heap", pageHeap, spanBytes, normalFreeBytes + binned,
                freeByBand.clone(), normalFreeBytes, 0, caches.transferBytes, caches.threadCacheBytes);
        List<String> advice = new ArrayList<>();
        advice.add(String.format("%d thread caches hold %d free bytes, the transfer caches %d: tcmalloc gives them"
                + " back to the central lists only as caches shrink or threads exit", caches.threadCaches,
                caches.threadCacheBytes, caches.transferBytes));
        if (returnedBytes > 0) {
            advice.add(String.format("%d bytes of free spans were returned to the OS (not resident): counted as other"
                    + " anonymous memory, not as tcmalloc's", returnedBytes));
        }
        MallocSpace space = new MallocSpace(List.of(heap), 0, 0, threads, advice, FREE_IS, "FreeSpans");
        return new OwnedMemory(owned, returned, space);
    }
}

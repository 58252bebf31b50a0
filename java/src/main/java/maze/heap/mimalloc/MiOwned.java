package maze.heap.mimalloc;

import java.util.ArrayList;
import java.util.List;
import maze.heap.MallocSpace;
import maze.heap.OwnedMemory;

/** mimalloc's memory for the process accounting: the pools' ranges and where their bytes went. */
public final class MiOwned {
    public static final String FREE_IS = "free = free blocks in pages + area not carved into blocks"
            + " (unused page tails, free slices and pages, segment headers)";

    /** In the name of a segment whose thread id is 0. */
    public static final String NO_THREAD = "no thread";

    private MiOwned() {
    }

    /** {@code owned}: the pools' ranges; {@code extra}: sentences the walk adds (what it cannot see). */
    public static OwnedMemory of(List<OwnedMemory.Range> owned, List<PoolTally> tallies, int threads,
                                 List<String> extra) {
        List<MallocSpace.Pool> pools = tallies.stream().map(PoolTally::pool).toList();
        List<String> advice = new ArrayList<>(extra);
        long orphans = pools.stream().filter(p -> p.name().contains(NO_THREAD)).count();
        if (orphans > 0) {
            long free = pools.stream().filter(p -> p.name().contains(NO_THREAD)).mapToLong(MallocSpace.Pool::free).sum();
            advice.add(String.format("%d of %d segments belong to no thread and hold %d free bytes: abandoned by a"
                    + " thread that exited (another thread reclaims one only when it allocates and finds it) or kept"
                    + " in mimalloc's segment cache", orphans, pools.size(), free));
        }
        MallocSpace space = new MallocSpace(pools, 0, 0, threads, advice, FREE_IS, "Uncarved");
        return new OwnedMemory(owned, List.of(), space);
    }
}

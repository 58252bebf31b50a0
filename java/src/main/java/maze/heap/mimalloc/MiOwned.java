package maze.heap.mimalloc;

import java.util.ArrayList;
import java.util.List;
import maze.heap.MallocSpace;
import maze.heap.OwnedMemory;

/** mimalloc's memory for the process accounting: the pools' ranges and where their bytes went. */
public final class MiOwned {
    public static final String FREE_IS = "free = free blocks in pages + area not carved into blocks"
            + " (unused page tails, free slices and pages, segment headers)";

    private MiOwned() {
    }

    /** {@code owned}: the pools' ranges; {@code extra}: sentences the walk adds (what it cannot see). */
    public static OwnedMemory of(List<OwnedMemory.Range> owned, List<PoolTally> tallies, int threads,
                                 List<String> extra) {
        List<MallocSpace.Pool> pools = tallies.stream().map(PoolTally::pool).toList();
        List<String> advice = new ArrayList<>(extra);
        long abandoned = pools.stream().filter(p -> p.name().contains("abandoned")).count();
        if (abandoned > 0) {
            long free = pools.stream().filter(p -> p.name().contains("abandoned")).mapToLong(MallocSpace.Pool::free).sum();
            advice.add(String.format("%d of %d pools are abandoned (their thread exited) and hold %d free bytes:"
                    + " another thread reclaims them only when it allocates and finds them", abandoned, pools.size(), free));
        }
        MallocSpace space = new MallocSpace(pools, 0, 0, threads, advice, FREE_IS, "Uncarved");
        return new OwnedMemory(owned, List.of(), space);
    }
}

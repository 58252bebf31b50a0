package maze.diff;

/**
 * Merges the later core's block stream (address order) against the earlier core's table and
 * tells {@link BlockChanges} about every address: one pass, nothing kept per block.
 */
public final class MergeJoin {
    private final BlockTable before;
    private final BlockChanges changes;
    private long next;
    private long last;
    private boolean any;

    public MergeJoin(BlockTable before, BlockChanges changes) {
        this.before = before;
        this.changes = changes;
    }

    /** One block of the later core, in the shared type numbering. */
    public void block(long address, long size, long key) {
        if (any && Long.compareUnsigned(address, last) <= 0) {
            throw new IllegalStateException(String.format("blocks out of address order: 0x%x after 0x%x", address, last));
        }
        any = true;
        last = address;
        while (next < before.count() && Long.compareUnsigned(before.address(next), address) < 0) {
            changes.gone(before.address(next), before.size(next), before.key(next));
            next++;
        }
        if (next < before.count() && before.address(next) == address) {
            long wasSize = before.size(next);
            long wasKey = before.key(next);
            next++;
            if (wasSize == size && wasKey == key) {
                changes.survivor(address, size, key);
            } else {
                changes.reused(address, wasSize, wasKey, size, key);
            }
            return;
        }
        changes.added(address, size, key);
    }

    /** The earlier core's blocks past the later core's last one are gone. */
    public void finish() {
        for (; next < before.count(); next++) {
            changes.gone(before.address(next), before.size(next), before.key(next));
        }
    }
}

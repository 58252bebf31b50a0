package maze.diff;

/** How many blocks and bytes survived, came, went, or were reused between two cores. */
public final class StepCounts implements BlockChanges {
    /** The four kinds of change, in the order reports show them. */
    public enum Kind {
        SURVIVORS("survivors"), NEW("new"), GONE("gone"), REUSED("reused");

        public final String label;

        Kind(String label) {
            this.label = label;
        }

        public static Kind of(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            return null;
        }
    }

    private final long[] blocks = new long[Kind.values().length];
    private final long[] bytes = new long[Kind.values().length];
    /** For reused addresses: the bytes they held in the earlier core. */
    private long reusedBytesBefore;

    @Override
    public void survivor(long address, long size, long key) {
        count(Kind.SURVIVORS, size);
    }

    @Override
    public void added(long address, long size, long key) {
        count(Kind.NEW, size);
    }

    @Override
    public void gone(long address, long size, long key) {
        count(Kind.GONE, size);
    }

    @Override
    public void reused(long address, long wasSize, long wasKey, long size, long key) {
        count(Kind.REUSED, size);
        reusedBytesBefore += wasSize;
    }

    private void count(Kind k, long size) {
        blocks[k.ordinal()]++;
        bytes[k.ordinal()] += size;
    }

    public long blocks(Kind k) {
        return blocks[k.ordinal()];
    }

    /** Bytes in the later core (for GONE: in the earlier one). */
    public long bytes(Kind k) {
        return bytes[k.ordinal()];
    }

    public long reusedBytesBefore() {
        return reusedBytesBefore;
    }
}

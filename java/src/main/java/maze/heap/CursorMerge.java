package maze.heap;

import java.util.List;

/**
 * Merges the address-ordered cursors of several allocators into one address-ordered block stream,
 * in memory: the heads sit in parallel arrays, so merging allocates nothing per block. A cursor
 * that fails is handed to {@code onFailure} (which may rethrow) and leaves the merge; the others
 * go on.
 */
public final class CursorMerge {
    /** Told when cursor {@code index} threw instead of giving its next block. */
    @FunctionalInterface
    public interface Failure {
        void failed(int index, RuntimeException e);
    }

    private final List<BlockCursor> cursors;
    private final Failure onFailure;
    private final long[] address;
    private final boolean[] live;

    private CursorMerge(List<BlockCursor> cursors, Failure onFailure) {
        this.cursors = cursors;
        this.onFailure = onFailure;
        this.address = new long[cursors.size()];
        this.live = new boolean[cursors.size()];
    }

    /** Pumps every cursor's blocks into {@code sink} in increasing address order. */
    public static void merge(List<BlockCursor> cursors, BlockSink sink, Failure onFailure) {
        CursorMerge m = new CursorMerge(cursors, onFailure);
        for (int i = 0; i < cursors.size(); i++) {
            m.advance(i);
        }
        for (int best; (best = m.lowest()) >= 0; ) {
            BlockCursor c = cursors.get(best);
            sink.block(c.address(), c.size(), c.flags());
            m.advance(best);
        }
    }

    private void advance(int i) {
        try {
            live[i] = cursors.get(i).next();
            address[i] = live[i] ? cursors.get(i).address() : 0;
        } catch (RuntimeException e) {
            live[i] = false;
            onFailure.failed(i, e);
        }
    }

    private int lowest() {
        int best = -1;
        for (int i = 0; i < live.length; i++) {
            if (live[i] && (best < 0 || Long.compareUnsigned(address[i], address[best]) < 0)) {
                best = i;
            }
        }
        return best;
    }
}

package maze.heap;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * A block cursor over a walker written as a push loop into a {@link BlockSink}: the walk runs on a
 * thread of its own and hands blocks over in fixed batches of primitive arrays through a short
 * queue, so memory stays bounded whatever the block count, nothing is spilled, and several
 * allocators walk in parallel while their cursors are merged.
 */
public final class PushWalk implements BlockCursor {
    /** Blocks per batch handed over. */
    public static final int BATCH = 4096;
    private static final int QUEUED_BATCHES = 4;

    private final BlockingQueue<Batch> queue;
    /** Batches read to the end, for the walk to fill again: they stay in cache and make no garbage. */
    private final BlockingQueue<Batch> spare;
    private final Thread thread;
    private volatile boolean cancelled;
    private Batch current = new Batch(0);
    private int index = -1;
    private HeapSummary summary;

    /** One batch, or the end of the walk (with its summary or its failure). */
    private static final class Batch {
        final long[] address;
        final long[] size;
        final int[] flags;
        int count;
        boolean last;
        HeapSummary summary;
        RuntimeException failure;
        Error error;

        Batch(int capacity) {
            address = new long[capacity];
            size = new long[capacity];
            flags = new int[capacity];
        }
    }

    /** Thrown inside the walk's thread when the consumer closed the cursor early. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private PushWalk(String name, int queuedBatches, Function<BlockSink, HeapSummary> walk) {
        queue = new ArrayBlockingQueue<>(queuedBatches);
        spare = new ArrayBlockingQueue<>(queuedBatches + 2);
        thread = new Thread(() -> produce(walk), "maze-walk-" + name);
        thread.setDaemon(true);
    }

    /** Starts {@code walk} on its own thread; its blocks come out of the returned cursor. */
    public static BlockCursor start(String name, Function<BlockSink, HeapSummary> walk) {
        return start(name, QUEUED_BATCHES, walk);
    }

    /**
     * As above, letting the walk run up to {@code queuedBatches} batches of {@link #BATCH} blocks
     * ahead of the reader (a walk that should not wait for a slow reader, within a memory budget).
     * {@code walk} must return a summary (not null).
     */
    public static BlockCursor start(String name, int queuedBatches, Function<BlockSink, HeapSummary> walk) {
        PushWalk w = new PushWalk(name, Math.max(1, queuedBatches), walk);
        w.thread.start();
        return w;
    }

    private void produce(Function<BlockSink, HeapSummary> walk) {
        Batch[] filling = {emptyBatch()};
        Batch end = new Batch(0);
        end.last = true;
        try {
            end.summary = walk.apply((address, size, flags) -> {
                Batch b = filling[0];
                b.address[b.count] = address;
                b.size[b.count] = size;
                b.flags[b.count] = flags;
                if (++b.count == BATCH) {
                    hand(b);
                    filling[0] = emptyBatch();
                }
            });
            hand(filling[0]);
        } catch (Cancelled c) {
            return;
        } catch (RuntimeException e) {
            end.failure = e;
        } catch (Error e) {
            end.error = e;
        }
        try {
            if (end.summary == null) {
                hand(filling[0]); // the blocks given before the failure still count
            }
            hand(end);
        } catch (Cancelled c) {
            // nobody is reading any more
        }
    }

    private Batch emptyBatch() {
        Batch b = spare.poll();
        if (b == null) {
            return new Batch(BATCH);
        }
        b.count = 0;
        return b;
    }

    private void hand(Batch b) {
        try {
            while (!cancelled) {
                if (queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Cancelled();
    }

    @Override
    public boolean next() {
        while (++index >= current.count) {
            if (current.last) {
                index = current.count;
                return false;
            }
            if (current.address.length == BATCH) {
                spare.offer(current);
            }
            current = take();
            index = -1;
            if (current.last) {
                finish(current);
            }
        }
        return true;
    }

    private Batch take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while walking the heap", e);
        }
    }

    private void finish(Batch end) {
        if (end.error != null) {
            throw end.error;
        }
        if (end.failure != null) {
            throw end.failure;
        }
        summary = end.summary;
    }

    @Override
    public long address() {
        return current.address[index];
    }

    @Override
    public long size() {
        return current.size[index];
    }

    @Override
    public int flags() {
        return current.flags[index];
    }

    @Override
    public HeapSummary summary() {
        if (summary == null) {
            throw new IllegalStateException("the walk has not ended");
        }
        return summary;
    }

    @Override
    public void close() {
        cancelled = true;
        queue.clear();
    }
}

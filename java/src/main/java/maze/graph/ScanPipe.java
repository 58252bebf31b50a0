package maze.graph;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import maze.memory.CoreScanner;
import maze.memory.ScanSink;

/**
 * A pointer scan on a thread of its own, its hits handed over in batches to the calling thread, so
 * the scan of the next batch runs while the caller handles this one (the native scan and the
 * graph's Java side each take a core's worth at times). The sink still sees every batch in address
 * order, on the calling thread. A failure on either side stops both and is thrown here.
 */
final class ScanPipe {
    /** Batches in flight: one being filled, one waiting, one being handled. */
    private static final int BATCHES = 3;

    private static final class Batch {
        long[] addresses = new long[0];
        long[] words = new long[0];
        int count;
    }

    private static final Batch END = new Batch();

    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private volatile Throwable failure;

    private ScanPipe() {
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch());
        }
    }

    /** {@code scanner.findPointers(ranges, sink)}, the scan on another thread. */
    static void findPointers(CoreScanner scanner, long[] ranges, ScanSink sink) {
        new ScanPipe().run(scanner, ranges, sink);
    }

    private void run(CoreScanner scanner, long[] ranges, ScanSink sink) {
        Thread producer = new Thread(() -> produce(scanner, ranges), "maze-pointer-scan");
        producer.setDaemon(true);
        producer.start();
        boolean done = false;
        try {
            for (Batch b = take(full); b != END; b = take(full)) {
                sink.accept(b.addresses, b.words, b.count);
                free.add(b);
            }
            done = true;
        } finally {
            if (!done) {
                producer.interrupt(); // our side failed: the scan stops at its next batch
            }
            join(producer);
        }
        Throwable t = failure;
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    private void produce(CoreScanner scanner, long[] ranges) {
        try {
            scanner.findPointers(ranges, (addresses, words, count) -> {
                Batch b = take(free);
                if (b.addresses.length < count) {
                    b.addresses = new long[addresses.length];
                    b.words = new long[addresses.length];
                }
                System.arraycopy(addresses, 0, b.addresses, 0, count);
                System.arraycopy(words, 0, b.words, 0, count);
                b.count = count;
                full.add(b);
            });
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            full.add(END);
        }
    }

    private static Batch take(BlockingQueue<Batch> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("pointer scan interrupted", e);
        }
    }

    private static void join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

package maze.report;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import maze.classify.BlockClassifier;
import maze.classify.ClassifyingSink;

/**
 * Prints throughput figures for the hot paths (a benchmark, not a test):
 * {@code java -cp target/classes:target/test-classes:<jackson jars> maze.report.ReportBenchmark [lines] [blocks]}.
 * Each figure is run three times; the first run includes JIT warm-up.
 */
public final class ReportBenchmark {
    private static final OutputStream NULL = new OutputStream() {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    };

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        long blocks = args.length > 1 ? Long.parseLong(args[1]) : 100_000_000L;
        SyntheticHeap heap = new SyntheticHeap(250, 97);
        for (int run = 1; run <= 3; run++) {
            listing("listing to /dev/null-like stream", heap, lines, NULL);
        }
        Path file = Files.createTempFile("maze-listing", ".jsonl");
        try {
            for (int run = 1; run <= 3; run++) {
                try (OutputStream out = new FileOutputStream(file.toFile())) {
                    listing("listing to a file " + file, heap, lines, out);
                }
            }
            System.out.printf(Locale.ROOT, "listing file size: %.1f MB for %d lines%n", Files.size(file) / 1e6, lines);
        } finally {
            Files.delete(file);
        }
        for (int run = 1; run <= 3; run++) {
            aggregate(heap, blocks);
        }
        for (int run = 1; run <= 3; run++) {
            tee(heap, lines);
        }
    }

    private static void listing(String what, SyntheticHeap heap, long lines, OutputStream out) {
        BlockClassifier classifier = heap.classifier();
        BlockListingWriter w = new BlockListingWriter(out, classifier.names(), ListingFilter.ALL);
        long t0 = System.nanoTime();
        heap.walk(lines, new ClassifyingSink(classifier, w));
        w.flush();
        report(what, w.written(), System.nanoTime() - t0, "lines");
    }

    private static void aggregate(SyntheticHeap heap, long blocks) {
        TypeAggregator agg = new TypeAggregator();
        BlockClassifier classifier = heap.classifier();
        long t0 = System.nanoTime();
        heap.walk(blocks, new ClassifyingSink(classifier, agg));
        report("classify + aggregate (" + agg.typeCount() + " types)", agg.liveBlocks(), System.nanoTime() - t0, "blocks");
    }

    private static void tee(SyntheticHeap heap, long blocks) {
        TypeAggregator agg = new TypeAggregator();
        BlockClassifier classifier = heap.classifier();
        BlockListingWriter w = new BlockListingWriter(NULL, classifier.names(), ListingFilter.ALL);
        long t0 = System.nanoTime();
        heap.walk(blocks, new ClassifyingSink(classifier, TeeSink.of(agg, w)));
        w.flush();
        report("classify once, tee to aggregate + listing", agg.liveBlocks(), System.nanoTime() - t0, "blocks");
    }

    private static void report(String what, long n, long nanos, String unit) {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%-55s %,13d %s in %6.3f s = %6.2f M %s/s  (heap used %d MB)%n",
                what, n, unit, nanos / 1e9, n / (nanos / 1e3), unit, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}

package maze.nativebind;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import maze.core.Segment;
import maze.memory.CoreMemory;
import maze.memory.HeldBytes;
import maze.memory.PtLoads;
import maze.memory.ScanHits;

/**
 * The Java half of tests/bench/scan-bench.sh (a harness that prints figures, not a test): scans a
 * core for one value through {@link NativeCoreScanner}, measures the cost of one JNA call, and the
 * random and sequential throughput of {@link CoreMemory#readLong}. Prints RESULT lines.
 * Usage: ScanBench CORE VALUE_HEX REPS [scan-only]
 */
public final class ScanBench {
    private ScanBench() {
    }

    public static void main(String[] args) throws Exception {
        Path core = Path.of(args[0]);
        long value = Long.parseUnsignedLong(args[1], 16);
        int reps = Integer.parseInt(args[2]);
        long size = Files.size(core);
        List<Segment> segments = PtLoads.read(core);
        long bytes = readableBytes(segments, size);
        for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
            try (NativeCoreScanner s = NativeCoreScanner.open(core, size, segments, threads)) {
                for (int r = 0; r < reps; r++) {
                    long t0 = System.nanoTime();
                    ScanHits hits = new ScanHits();
                    s.findValue(value, hits);
                    report("maze-scan threads=" + threads + " rep=" + r + " hits=" + hits.size(), bytes, t0);
                }
            }
        }
        if (args.length > 3 && args[3].equals("scan-only")) {
            return;
        }
        callCost(core);
        try (CoreMemory m = new CoreMemory(core, size, segments, List.of(), p -> null)) {
            ByteBuffer[] raw = rawWindows(core, size);
            randomReads(m, raw, segments, size);
            sequentialReads(m, raw, segments, size);
        }
    }

    private static long readableBytes(List<Segment> segments, long size) {
        long total = 0;
        for (Segment s : segments) {
            if ((s.flags() & Segment.PF_R) != 0) {
                total += HeldBytes.of(s, size) & ~7L;
            }
        }
        return total;
    }

    private static void report(String what, long bytes, long t0) {
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf("RESULT %s bytes=%d seconds=%.4f GB/s=%.2f%n", what, bytes, sec, bytes / sec / 1e9);
    }

    /** What one native call costs through JNA direct mapping: the overhead a scan pays per batch. */
    private static void callCost(Path core) throws Exception {
        try (NativeCore c = NativeCore.open(core)) {
            long sink = 0;
            int calls = 5_000_000;
            for (int round = 0; round < 2; round++) {  // the first round warms up the JIT
                long t0 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    sink += MazeScanLibrary.maze_file_size(c.handle());
                }
                double ns = (System.nanoTime() - t0) / (double) calls;
                System.out.printf("RESULT jna-call round=%d ns/call=%.1f (checksum %d)%n", round, ns, sink & 1);
            }
        }
    }

    private static void randomReads(CoreMemory m, ByteBuffer[] raw, List<Segment> segments, long size) {
        long[] addresses = randomAddresses(segments, size, 1 << 24);
        long[] offsets = fileOffsets(addresses, segments);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            readReport("readLong-random", round, addresses.length, t0, sumReads(m, addresses));
            t0 = System.nanoTime();
            readReport("raw-MappedByteBuffer-random", round, addresses.length, t0, sumRaw(raw, offsets));
        }
        Segment big = segments.stream().max(java.util.Comparator.comparingLong(s -> HeldBytes.of(s, size))).get();
        long words = HeldBytes.of(big, size) / 8;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            readReport("readLong-chase", round, CHASE_STEPS, t0, chaseMemory(m, big.vaddr(), words));
            t0 = System.nanoTime();
            readReport("raw-MappedByteBuffer-chase", round, CHASE_STEPS, t0, chaseRaw(raw, big.fileOffset(), words));
        }
    }

    /*
     * Chases: each read's address comes from the word read before, as in a heap walk that follows
     * pointers. Independent random reads overlap their cache misses; dependent ones cannot, so
     * these show the latency a walker sees.
     */
    private static final int CHASE_STEPS = 1 << 22;

    private static long chaseMemory(CoreMemory m, long base, long words) {
        long v = 1;
        for (int k = 0; k < CHASE_STEPS; k++) {
            v = m.readLong(base + 8 * (((v ^ k) >>> 1) % words));
        }
        return v;
    }

    private static long chaseRaw(ByteBuffer[] raw, long base, long words) {
        long v = 1;
        for (int k = 0; k < CHASE_STEPS; k++) {
            long o = base + 8 * (((v ^ k) >>> 1) % words);
            v = raw[(int) (o >>> 30)].getLong((int) (o & ((1 << 30) - 1)));
        }
        return v;
    }

    /* The measured loops live in small methods of their own, so the JIT compiles them whole (an
     * on-stack replacement of a long method optimizes worse and would understate both sides). */
    private static long sumReads(CoreMemory m, long[] addresses) {
        long sum = 0;
        for (long a : addresses) {
            sum += m.readLong(a);
        }
        return sum;
    }

    private static long sumRaw(ByteBuffer[] raw, long[] offsets) {
        long sum = 0;
        for (long o : offsets) {
            sum += raw[(int) (o >>> 30)].getLong((int) (o & ((1 << 30) - 1)));
        }
        return sum;
    }

    private static long sumRange(CoreMemory m, long from, long to) {
        long sum = 0;
        for (long a = from; a < to; a += 8) {
            sum += m.readLong(a);
        }
        return sum;
    }

    private static void readReport(String what, int round, int reads, long t0, long sum) {
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf("RESULT %s round=%d Mreads/s=%.1f ns/read=%.1f (checksum %d)%n",
                what, round, reads / sec / 1e6, sec * 1e9 / reads, sum & 1);
    }

    /** The baseline without CoreMemory: the file in 1 GiB windows that overlap by a page. */
    private static ByteBuffer[] rawWindows(Path core, long size) throws Exception {
        try (FileChannel ch = FileChannel.open(core)) {
            ByteBuffer[] w = new ByteBuffer[(int) ((size + (1L << 30) - 1) >>> 30)];
            for (int k = 0; k < w.length; k++) {
                long start = (long) k << 30;
                w[k] = ch.map(FileChannel.MapMode.READ_ONLY, start, Math.min((1L << 30) + 4096, size - start))
                        .order(ByteOrder.LITTLE_ENDIAN);
            }
            return w;
        }
    }

    private static long[] fileOffsets(long[] addresses, List<Segment> segments) {
        long[] out = new long[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            for (Segment s : segments) {
                if (s.contains(addresses[i])) {
                    out[i] = s.fileOffset() + (addresses[i] - s.vaddr());
                    break;
                }
            }
        }
        return out;
    }

    /** Uniformly random 8-aligned addresses over the readable bytes the core holds. */
    private static long[] randomAddresses(List<Segment> segments, long size, int count) {
        List<Segment> readable = segments.stream()
                .filter(s -> (s.flags() & Segment.PF_R) != 0 && HeldBytes.of(s, size) >= 8).toList();
        long[] cumulative = new long[readable.size()];
        long total = 0;
        for (int i = 0; i < readable.size(); i++) {
            total += HeldBytes.of(readable.get(i), size) / 8;
            cumulative[i] = total;
        }
        SplittableRandom rnd = new SplittableRandom(42);
        long[] out = new long[count];
        for (int k = 0; k < count; k++) {
            long w = rnd.nextLong(total);
            int i = java.util.Arrays.binarySearch(cumulative, w + 1);
            i = i >= 0 ? i : -i - 1;
            long before = i == 0 ? 0 : cumulative[i - 1];
            out[k] = readable.get(i).vaddr() + 8 * (w - before);
        }
        return out;
    }

    private static void sequentialReads(CoreMemory m, ByteBuffer[] raw, List<Segment> segments, long size) {
        for (int round = 0; round < 3; round++) {
            long sum = 0;
            long bytes = 0;
            long t0 = System.nanoTime();
            for (Segment s : segments) {
                long held = (s.flags() & Segment.PF_R) == 0 ? 0 : HeldBytes.of(s, size) & ~7L;
                sum += sumRange(m, s.vaddr(), s.vaddr() + held);
                bytes += held;
            }
            report("readLong-sequential round=" + round + " (checksum " + (sum & 1) + ")", bytes, t0);
            t0 = System.nanoTime();
            for (Segment s : segments) {
                long held = (s.flags() & Segment.PF_R) == 0 ? 0 : HeldBytes.of(s, size) & ~7L;
                sum += sumRawRange(raw, s.fileOffset(), s.fileOffset() + held);
            }
            report("raw-MappedByteBuffer-sequential round=" + round + " (checksum " + (sum & 1) + ")", bytes, t0);
        }
    }

    private static long sumRawRange(ByteBuffer[] raw, long from, long to) {
        long sum = 0;
        for (long o = from; o < to; o += 8) {
            sum += raw[(int) (o >>> 30)].getLong((int) (o & ((1 << 30) - 1)));
        }
        return sum;
    }
}

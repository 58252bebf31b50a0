package maze.graph;

import maze.heap.LongArrays;
import maze.memory.CoreScanner;
import maze.memory.ScanSink;

/**
 * Builds the {@link RefGraph} with one native pointer scan of every readable byte the core holds:
 * each 8-aligned word whose value lies in a live block is an edge when the word lies in another
 * live block, a root reference when it lies in a root region, and nothing otherwise (free chunks,
 * allocator metadata, a thread's dead stack below its stack pointer). A root word pointing at the
 * last word of a block is not a reference: on glibc that is the next chunk's header, which the
 * arena's bins and top pointer (in libc's data) hold. Hits arrive in address
 * order, so the source block advances with them and the edges come out in CSR order.
 */
public final class GraphBuilder implements ScanSink {
    /** Neighbouring blocks closer than this share one scan range (the allocator's header lies between). */
    private static final long JOIN_GAP = 64;
    /** The scan on a thread of its own ({@link ScanPipe}); -Dmaze.graph.nopipe=true, for comparing, on the caller's. */
    private static final boolean PIPE = !Boolean.getBoolean("maze.graph.nopipe")
            && Runtime.getRuntime().availableProcessors() > 1;

    private final BlockTable blocks;
    private final RootRegions regions;
    private final StartPointers starts;
    private final int[] firstEdge;
    private final IntList targets;
    private final LongArrays rootWhere = new LongArrays();
    private final IntList rootArea = new IntList();
    private final IntList rootTarget = new IntList();
    private int source;   // the block of the latest hit, or the one before it
    private int filled;   // firstEdge is set for blocks below this
    private long hits;
    private long handlingNanos; // measured only with GraphTiming on

    private GraphBuilder(BlockTable blocks, RootRegions regions, StartPointers starts) {
        this.blocks = blocks;
        this.regions = regions;
        this.starts = starts;
        this.firstEdge = new int[blocks.count() + 1];
        this.targets = new IntList(blocks.count()); // room for an edge a block: fewer copies as it grows
    }

    /** The graph of {@code blocks}, roots in {@code regions} plus {@code registers}. */
    public static RefGraph build(BlockTable blocks, RootRegions regions, RegisterRoots registers, CoreScanner scanner) {
        return build(blocks, regions, registers, scanner, null);
    }

    /** As {@link #build}, also passing every word that points at a block's start, wherever it lies, to {@code starts}. */
    public static RefGraph build(BlockTable blocks, RootRegions regions, RegisterRoots registers, CoreScanner scanner,
                                 StartPointers starts) {
        return build(blocks, regions, registers, scanner, starts, PIPE);
    }

    /** {@code piped}: the scan on a thread of its own ({@link ScanPipe}), else on this one. */
    static RefGraph build(BlockTable blocks, RootRegions regions, RegisterRoots registers, CoreScanner scanner,
                          StartPointers starts, boolean piped) {
        GraphBuilder b = new GraphBuilder(blocks, regions, starts);
        if (blocks.count() > 0) {
            long t0 = System.nanoTime();
            if (piped) {
                ScanPipe.findPointers(scanner, blocks.scanRanges(JOIN_GAP), b);
            } else {
                scanner.findPointers(blocks.scanRanges(JOIN_GAP), b);
            }
            GraphTiming.note(String.format("pointer scan %d ms, of which handling %d hits in Java %d ms",
                    (System.nanoTime() - t0) / 1_000_000, b.hits, b.handlingNanos / 1_000_000));
        }
        return b.finish(registers);
    }

    @Override
    public void accept(long[] addresses, long[] words, int count) {
        long t0 = GraphTiming.on() ? System.nanoTime() : 0;
        for (int i = 0; i < count; i++) {
            hit(addresses[i], words[i]);
        }
        hits += count;
        if (GraphTiming.on()) {
            handlingNanos += System.nanoTime() - t0;
        }
    }

    /** One word at {@code where} holding {@code word}; package-private for tests without a core. */
    void hit(long where, long word) {
        int to = blocks.indexOf(word);
        if (to < 0) {
            return;
        }
        if (starts != null && word == blocks.start(to)) {
            starts.pointer(where, to);
        }
        int from = sourceOf(where);
        if (from >= 0) {
            if (from != to && (targets.size() == firstEdge[from] || targets.last() != to)) {
                targets.add(to);
            }
            return;
        }
        int area = regions.areaAt(where);
        if (area >= 0 && word != blocks.end(to) - 8) {
            rootWhere.add(where);
            rootArea.add(area);
            rootTarget.add(to);
        }
    }

    /** The block holding {@code where}, moving forward only: hits come in address order. */
    private int sourceOf(long where) {
        int n = blocks.count();
        while (source < n && blocks.end(source) <= where) {
            source++;
        }
        while (filled <= source && filled < n) {
            firstEdge[filled++] = targets.size();
        }
        return source < n && blocks.start(source) <= where && where < blocks.end(source) ? source : -1;
    }

    private RefGraph finish(RegisterRoots registers) {
        while (filled <= blocks.count()) {
            firstEdge[filled++] = targets.size();
        }
        for (int i = 0; i < registers.count(); i++) {
            int to = blocks.indexOf(registers.value(i));
            if (to >= 0) {
                rootWhere.add(registers.register(i));
                rootArea.add(registers.area(i));
                rootTarget.add(to);
            }
        }
        long[] where = new long[rootWhere.size()];
        for (int i = 0; i < where.length; i++) {
            where[i] = rootWhere.get(i);
        }
        return new RefGraph(blocks, firstEdge, targets.array(), regions, where, rootArea.toArray(),
                rootTarget.toArray());
    }
}

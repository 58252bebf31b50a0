package maze.heap.glibc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import maze.heap.AllocatorPlugin;
import maze.heap.BlockCursor;
import maze.heap.BlockSink;
import maze.heap.Detection;
import maze.heap.HeapContext;
import maze.heap.HeapSummary;
import maze.heap.MallocSpace;
import maze.heap.ParallelWalks;
import maze.heap.PushWalk;
import maze.heap.Version;
import maze.layout.LayoutChooser;
import maze.layout.LayoutException;

/** glibc malloc (ptmalloc2): every arena, every heap, mmapped chunks; fastbin and tcache chunks are free. */
public final class GlibcPlugin implements AllocatorPlugin<Void> {
    @Override
    public String name() {
        return "glibc";
    }

    @Override
    public List<Detection<Void>> detect(HeapContext ctx) {
        return GlibcDetector.detect(ctx, name());
    }

    @Override
    public BlockCursor walk(HeapContext ctx, Detection<Void> d) {
        return PushWalk.start(name(), sink -> walk(ctx, d, sink));
    }

    private static HeapSummary walk(HeapContext ctx, Detection<Void> d, BlockSink sink) {
        GlibcLayout layout = layout(ctx, d);
        String version = d.module().executable() ? StaticGlibc.version(d) : GlibcDetector.version(ctx, d, layout);
        GlibcMemory m = new GlibcMemory(ctx.memory(), layout, d.module().loadBias(), GlibcDetector.safeLinking(version),
                ctx.warnings());
        List<Arena> arenas = new Arenas(m).find();
        ArenaChecks.systemMem(m, arenas);
        long tlsOffset = d.module().executable() ? StaticGlibc.tlsBlockOffset(ctx, d.module())
                : StaticTls.libcTlsOffset(ctx, d.module());
        FreeChunks freeChunks = new FreeChunks(m);
        long[] free = freeChunks.collect(arenas, ctx.core().threads(), tlsOffset);
        MmappedChunks finder = new MmappedChunks(m);
        List<ChunkRange> mmapped = finder.find(ctx.core(), arenas, nMmaps(m), mmappedMem(m));
        BinChecks bins = new BinChecks(m);
        ChunkWalker walker = new ChunkWalker(m, free, bins.collect(arenas));
        emitInAddressOrder(arenas, mmapped, walker, sink, m);
        walker.checkBins();
        Version v = version == null ? Version.unknown("__libc_version unreadable") : Version.of(version, null);
        MallocSpace space = space(ctx, d, m, arenas, bins, freeChunks, finder);
        return new HeapSummary(v, facts(m, arenas, mmapped, finder.mappedBytes(), walker),
                GlibcOwned.of(m, arenas, finder.mappings(), space));
    }

    /** Where the arenas' own memory went, as mallinfo2 counts it, and what the tunables would change. */
    private static MallocSpace space(HeapContext ctx, Detection<Void> d, GlibcMemory m, List<Arena> arenas,
                                     BinChecks bins, FreeChunks free, MmappedChunks mmapped) {
        MallocParams params = MallocParams.read(m);
        List<MallocSpace.Pool> pools = new ArenaUsage(m, arenas).pools(arenas, bins, free, params);
        int threads = ctx.core().threads().size();
        int blocks = mmapped.mappings().size();
        return new MallocSpace(pools, blocks, mmapped.mappedBytes(), threads,
                GlibcAdvice.of(pools, params, threads, blocks, mmapped.mappedBytes()));
    }

    /**
     * Ranges of a sound heap never overlap; corrupt metadata (or a stray mmapped-chunk header)
     * can make one reach into the next, and walking both would break the address-order contract
     * the block merge and the listing rely on. Such a range is left out with a warning.
     */
    static void emitInAddressOrder(List<Arena> arenas, List<ChunkRange> mmapped, ChunkWalker walker, BlockSink sink,
                                   GlibcMemory m) {
        // heaps walked at once: -Dmaze.glibc.walkers=N, else one per core beyond the reader's (ParallelWalks)
        emitInAddressOrder(arenas, mmapped, walker, sink, m, ParallelWalks.walkers("glibc"));
    }

    /** As above, walking up to {@code threads} heaps at once (RangeWalks). */
    static void emitInAddressOrder(List<Arena> arenas, List<ChunkRange> mmapped, ChunkWalker walker, BlockSink sink,
                                   GlibcMemory m, int threads) {
        List<ChunkRange> all = new ArrayList<>(mmapped);
        arenas.forEach(a -> all.addAll(a.ranges()));
        all.sort((x, y) -> Long.compareUnsigned(x.start(), y.start()));
        List<ChunkRange> kept = new ArrayList<>();
        ChunkRange prev = null;
        for (ChunkRange r : all) {
            // stop, not end: blocks lie below stop, and a corrupt top size must not hide later ranges
            if (prev != null && Long.compareUnsigned(r.start(), prev.stop()) < 0) {
                m.warnings().add("chunks 0x%x-0x%x overlap those at 0x%x-0x%x; not walked",
                        r.start(), r.stop(), prev.start(), prev.stop());
                continue;
            }
            prev = r;
            kept.add(r);
        }
        RangeWalks.emit(kept, walker, sink, m, threads);
    }

    /** mp_.n_mmaps (an int): how many mmapped chunks glibc holds; -1 when unreadable. */
    private static long nMmaps(GlibcMemory m) {
        long v = m.wordOr(m.mp() + m.layout().mpNMmaps(), -1);
        return v == -1 ? -1 : v & 0xffffffffL;
    }

    /** mp_.mmapped_mem: the bytes of every mapping glibc holds for mmapped chunks; -1 when unreadable. */
    private static long mmappedMem(GlibcMemory m) {
        return m.wordOr(m.mp() + m.layout().mpMmappedMem(), -1);
    }

    private static Map<String, Object> facts(GlibcMemory m, List<Arena> arenas,
                                             List<ChunkRange> mmapped, long mmappedBytes, ChunkWalker walker) {
        long nMmaps = nMmaps(m);
        long mmappedMem = mmappedMem(m);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("arenas", arenas.size());
        facts.put("heaps", arenas.stream().mapToInt(a -> a.ranges().size()).sum());
        facts.put("system_mem", arenas.stream().mapToLong(Arena::systemMem).sum());
        facts.put("arena_live_chunk_bytes", walker.liveChunkBytes());
        facts.put("mmapped_chunks", mmapped.size());
        facts.put("mmapped_bytes", mmappedBytes);
        facts.put("mp_n_mmaps", nMmaps);
        facts.put("mp_mmapped_mem", mmappedMem);
        return facts;
    }

    /** The layout service as for every allocator: DWARF (libc6-dbg), else a table, else a refusal. */
    private static GlibcLayout layout(HeapContext ctx, Detection<Void> d) {
        try {
            if (d.module().executable()) { // linked statically
                return GlibcLayout.from(StaticGlibc.layouts(ctx, d, host -> ctx.layouts(host, GlibcLayout.REQUEST)));
            }
            return LayoutChooser.choose(d.allocator(), d.module(), d.version().text(),
                    () -> ctx.layouts(d.module(), GlibcLayout.REQUEST), GlibcLayout::from).layout();
        } catch (LayoutException e) {
            throw new LayoutException(e.getMessage() + " (glibc's debug info: libc6-dbg on Debian and Ubuntu,"
                    + " glibc-debuginfo on Fedora)", e);
        }
    }

}

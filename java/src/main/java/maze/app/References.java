package maze.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import maze.classify.TypeNames;
import maze.core.ThreadRegisters;
import maze.graph.BlockTable;
import maze.graph.Dominators;
import maze.graph.GraphBuilder;
import maze.graph.GraphTiming;
import maze.graph.ReachSets;
import maze.graph.RefGraph;
import maze.graph.RegisterRoots;
import maze.graph.RootFinder;
import maze.graph.RootNames;
import maze.graph.RootRegions;
import maze.graph.SymbolNames;
import maze.graph.TlsBlocks;
import maze.heap.Warnings;
import maze.memory.CoreMemory;
import maze.patterns.BlockPatterns;
import maze.report.MemoryAccounting;
import maze.report.Ranking;
import maze.report.ReportSummary;

/**
 * Why memory is alive: walks the heap as {@link Analysis} does, keeps the live blocks in arrays,
 * finds the roots, scans the core once for pointers into the blocks, and splits the blocks into
 * anchored, leaked and unreferenced. Blocks and ranges the allocators call their own metadata are
 * left out of the graph (no set, no references, no roots). The memory stays open for reading
 * blocks' words until close.
 */
public final class References implements AutoCloseable {
    private final Analysis analysis;
    private final CoreMemory memory;
    private final AnalysisResult result;
    private final RefGraph graph;
    private final ReachSets sets;
    private final Warnings warnings;
    private final long millis;
    /** The blocks' type keys with their container patterns; null without --patterns. */
    private final BlockPatterns patterns;
    private final GraphTiming timing;
    private Dominators dominators;

    private References(Analysis analysis, CoreMemory memory, AnalysisResult result, RefGraph graph, ReachSets sets,
                       Warnings warnings, long millis, BlockPatterns patterns, GraphTiming timing) {
        this.patterns = patterns;
        this.analysis = analysis;
        this.memory = memory;
        this.result = result;
        this.graph = graph;
        this.sets = sets;
        this.warnings = warnings;
        this.millis = millis;
        this.timing = timing;
    }

    public static References build(AnalysisRequest request) throws IOException {
        return build(request, false);
    }

    /**
     * With {@code patterns}, blocks without a vtable are also named by their container pattern
     * ({@code --patterns}), the owners found in the graph's own scan: one scan for both.
     */
    public static References build(AnalysisRequest request, boolean patterns) throws IOException {
        GraphTiming timing = new GraphTiming();
        Analysis analysis = Analysis.open(request);
        try {
            BlockTable.Builder blocks = BlockTable.Builder.settingApartMetadata();
            AnalysisResult result = analysis.run(names -> blocks);
            timing.lap("open, heap walk");
            long t0 = System.nanoTime();
            var core = analysis.core();
            Warnings warnings = new Warnings();
            if (blocks.skipped() > 0) {
                warnings.add("%d blocks overlapped others and are not in the graph", blocks.skipped());
            }
            BlockTable table = blocks.build();
            RegisterRoots registers = new RegisterRoots();
            List<TlsBlocks.Block> tls = TlsBlocks.read(analysis.context(), warnings);
            RootRegions regions = RootFinder.find(core, table, tls, result.allocatorMetadata(),
                    ThreadRegisters.read(core.file()), registers, warnings);
            BlockPatterns named = !patterns ? null : BlockPatterns.ofShapes(table, regions,
                    analysis.context().memory(), result.names(), analysis.vtables()::classOf);
            timing.lap("block table, roots");
            RefGraph graph = GraphBuilder.build(table, regions, registers, analysis.context().scanner(), named);
            timing.lap("scan, edges");
            ReachSets sets = ReachSets.of(graph);
            timing.lap("sets");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            AnalysisResult shown = named == null ? result : PatternNaming.renamed(result, table, named, null);
            return new References(analysis, analysis.memory(), shown, graph, sets, warnings, ms, named, timing);
        } catch (RuntimeException | Error e) {
            analysis.close();
            throw e;
        }
    }

    public RefGraph graph() {
        return graph;
    }

    public ReachSets sets() {
        return sets;
    }

    /** The names of the blocks' types (with --patterns, also of the typed arrays). */
    public TypeNames names() {
        return result.names();
    }

    /** Block b's type key: its class or size, or with --patterns its pattern. */
    public long typeOf(int b) {
        return patterns == null ? graph.blocks().type(b) : patterns.key(b);
    }

    /** The dominator tree and retained sizes, computed on first use. */
    public synchronized Dominators dominators() {
        if (dominators == null) {
            dominators = Dominators.of(sets);
            timing.lap("dominators");
        }
        return dominators;
    }

    /** With -Dmaze.graph.timing=true, prints the time since the last phase under {@code phase}. */
    public void lap(String phase) {
        timing.lap(phase);
    }

    /** The heap walk's table, as maze analyze (with --patterns if asked) shows it. */
    public Ranking ranking(int top) {
        return result.ranking(top);
    }

    /** The whole process by category, as maze analyze's JSON has it. */
    public MemoryAccounting accounting() {
        return result.accounting();
    }

    public CoreMemory memory() {
        return memory;
    }

    public RootNames rootNames() {
        return new RootNames(graph, new SymbolNames(analysis.core().modules()), analysis.core().threads());
    }

    /** Milliseconds spent on roots, scan and sets (after the heap walk). */
    public long graphMillis() {
        return millis;
    }

    /** The heap walk's summary with the graph's warnings added. */
    public ReportSummary summary() {
        ReportSummary s = result.summary();
        List<String> all = new ArrayList<>(s.warnings());
        all.addAll(warnings.all());
        return new ReportSummary(s.allocator(), s.version(), s.liveBlocks(), s.liveBytes(), s.facts(), s.coverage(),
                all, s.partial() || warnings.incomplete());
    }

    @Override
    public void close() {
        analysis.close(); // closes the memory too: it is the analysis's own
    }
}

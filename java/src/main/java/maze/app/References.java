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
import maze.report.MemoryAccounting;
import maze.report.Ranking;
import maze.report.ReportSummary;

/**
 * Why memory is alive: walks the heap as {@link Analysis} does, keeps the live blocks in arrays,
 * finds the roots, scans the core once for pointers into the blocks, and splits the blocks into
 * anchored, leaked and unreferenced. The memory stays open for reading blocks' words until close.
 */
public final class References implements AutoCloseable {
    private final Analysis analysis;
    private final CoreMemory memory;
    private final AnalysisResult result;
    private final RefGraph graph;
    private final ReachSets sets;
    private final Warnings warnings;
    private final long millis;
    private final GraphTiming timing;
    private Dominators dominators;

    private References(Analysis analysis, CoreMemory memory, AnalysisResult result, RefGraph graph, ReachSets sets,
                       Warnings warnings, long millis, GraphTiming timing) {
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
        GraphTiming timing = new GraphTiming();
        Analysis analysis = Analysis.open(request);
        try {
            BlockTable.Builder blocks = new BlockTable.Builder();
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
            RootRegions regions = RootFinder.find(core, table, tls, ThreadRegisters.read(core.file()), registers,
                    warnings);
            timing.lap("block table, roots");
            RefGraph graph = GraphBuilder.build(table, regions, registers, analysis.context().scanner());
            timing.lap("scan, edges");
            ReachSets sets = ReachSets.of(graph);
            timing.lap("sets");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new References(analysis, analysis.memory(), result, graph, sets, warnings, ms, timing);
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

    public TypeNames names() {
        return result.names();
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

    /** The heap walk's table, as maze analyze shows it. */
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

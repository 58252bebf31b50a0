package maze.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import maze.classify.TypeKeys;
import maze.classify.TypeNames;
import maze.classify.TypedBlockSink;
import maze.graph.BlockTable;
import maze.graph.RegisterRoots;
import maze.graph.RootFinder;
import maze.graph.RootRegions;
import maze.heap.Warnings;
import maze.patterns.BlockPatterns;
import maze.report.ReportSummary;
import maze.report.TypeAggregator;

/**
 * An analysis whose blocks without a vtable may be named by their container pattern
 * ({@code --patterns}): walks the heap into a block table, finds the patterns (one more native
 * scan of the core, unless the reference graph's scan is made anyway: {@link References}), then
 * aggregates (and lists) the blocks with their final type keys.
 */
public final class PatternNaming {
    private PatternNaming() {
    }

    /** As {@link Analysis#run}, with pattern names; the listing's blocks carry no allocator flags. */
    public static AnalysisResult run(Analysis analysis, AnalysisRequest request,
                                     Function<TypeNames, TypedBlockSink> listing) throws IOException {
        BlockTable.Builder builder = new BlockTable.Builder();
        AnalysisResult walked = analysis.run(names -> builder);
        BlockTable blocks = builder.build();
        var core = analysis.core();
        // registers hold no container objects; the root finder's warnings concern leaks, not names
        RootRegions roots = RootFinder.find(core, blocks, List.of(), new RegisterRoots(), new Warnings());
        BlockPatterns patterns = BlockPatterns.find(blocks, roots, analysis.context().memory(),
                analysis.context().scanner(), walked.names(), analysis.vtables()::classOf);
        AnalysisResult named = renamed(walked, blocks, patterns, listing);
        return new AnalysisResult(named.aggregate(), named.names(), summary(walked.summary(), builder.skipped()),
                walked.accounting(), walked.allocatorMetadata());
    }

    /**
     * The walk's result with every block of {@code blocks} aggregated (and listed) under its
     * pattern's key, and the names of the typed arrays added.
     */
    static AnalysisResult renamed(AnalysisResult walked, BlockTable blocks, BlockPatterns patterns,
                                  Function<TypeNames, TypedBlockSink> listing) {
        TypeNames names = patterns.names();
        TypeAggregator aggregate = new TypeAggregator();
        TypedBlockSink extra = listing == null ? null : listing.apply(names);
        for (int b = 0; b < blocks.count(); b++) {
            long key = patterns.key(b);
            aggregate.block(blocks.start(b), blocks.size(b), 0, key);
            if (extra != null) {
                extra.block(blocks.start(b), blocks.size(b), 0, key);
            }
        }
        // blocks the graph set apart as the allocator's own (References) are still live blocks
        for (int i = 0; i < blocks.metadataCount(); i++) {
            long size = blocks.metadataEnd(i) - blocks.metadataStart(i);
            aggregate.block(blocks.metadataStart(i), size, 0, TypeKeys.ofSize(size));
        }
        return new AnalysisResult(aggregate, names, walked.summary(), walked.accounting(), walked.allocatorMetadata());
    }

    private static ReportSummary summary(ReportSummary s, long skipped) {
        if (skipped == 0) {
            return s;
        }
        List<String> all = new ArrayList<>(s.warnings());
        all.add(skipped + " blocks overlapped others and are left out of the table");
        return new ReportSummary(s.allocator(), s.version(), s.liveBlocks(), s.liveBytes(), s.facts(), s.coverage(),
                all, true);
    }
}

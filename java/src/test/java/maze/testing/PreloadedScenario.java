package maze.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import maze.app.Analysis;
import maze.app.AnalysisRequest;
import maze.app.AnalysisResult;
import maze.report.BlockListingWriter;
import maze.report.ListingFilter;

/**
 * One scenario of heap_truth LD_PRELOADed with an allocator library: gcore, an in-process
 * analysis writing the block listing, and the per-block score against the fixture's truth;
 * {@code coreLoadBytes} the core's PT_LOAD p_memsz sum read independently, {@code listing} kept.
 */
public record PreloadedScenario(AnalysisResult result, BlockScore score, long coreLoadBytes, Path listing) {

    /** Runs {@code scenario} in {@code work} (created); the core is deleted after the analysis. */
    public static PreloadedScenario run(Path work, String scenario, Path library) throws IOException, InterruptedException {
        return run(work, scenario, library.toString());
    }

    /** The same with an LD_PRELOAD list (libraries a preloaded allocator needs come before it). */
    public static PreloadedScenario run(Path work, String scenario, String preload) throws IOException, InterruptedException {
        return run(work, Fixtures.binary("heap_truth"), scenario, Map.of("LD_PRELOAD", preload));
    }

    /** A heap_truth-like {@code exe} (one with an allocator linked in, say) with {@code env} added. */
    public static PreloadedScenario run(Path work, Path exe, String scenario, Map<String, String> env)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path truthFile = work.resolve("truth.jsonl");
        Path listing = work.resolve("blocks.jsonl");
        AnalysisResult result;
        long loads;
        try (FixtureProcess fp = FixtureProcess.start(List.of(exe.toString(), scenario, truthFile.toString()), work,
                FixtureProcess.defaultTimeout(), env)) {
            Path core = fp.gcore(work);
            fp.close();
            result = analyze(core, listing);
            loads = CoreLoads.memSizeSum(core);
            Files.delete(core); // a gigabyte each: do not keep a dozen
        }
        return new PreloadedScenario(result, BlockScore.score(GroundTruth.read(truthFile), BlockListing.read(listing)),
                loads, listing);
    }

    private static AnalysisResult analyze(Path core, Path listing) throws IOException {
        long t0 = System.nanoTime();
        try (Analysis a = Analysis.open(new AnalysisRequest(core, null, null, List.of(), false));
             OutputStream out = Files.newOutputStream(listing)) {
            BlockListingWriter[] w = new BlockListingWriter[1];
            AnalysisResult r = a.run(names -> w[0] = new BlockListingWriter(out, names, new ListingFilter(null, 0)));
            w[0].flush();
            System.out.printf("%s analyzed in %.2f s%n", core, (System.nanoTime() - t0) / 1e9);
            return r;
        }
    }
}

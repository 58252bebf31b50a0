package maze.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import maze.app.Analysis;
import maze.app.AnalysisResult;
import maze.pack.AnalysisInput;
import org.apache.commons.io.output.CloseShieldOutputStream;
import maze.report.BlockListingWriter;
import maze.report.ListingFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code maze blocks}: every live block as JSON Lines, in address order. */
@Command(name = "blocks", mixinStandardHelpOptions = true,
        description = {"Every live heap block as JSON Lines, in address order.",
                "  {\"address\":\"0x...\",\"size\":N,\"type\":\"...\"}",
                "address is the pointer the program got from malloc/new, size the usable size."},
        footer = {"", "Examples:",
                "  maze blocks core.1234 > blocks.jsonl",
                "  maze blocks core.1234 --type 'C++ Session' --min-size 64"})
final class BlocksCommand implements Callable<Integer> {
    @Mixin
    CoreInput input;

    @Option(names = "--type", paramLabel = "T", description = "only blocks of this type, e.g. 'C++ Foo' or 'malloc(24)'")
    String type;

    @Option(names = "--min-size", paramLabel = "N", description = "only blocks of at least N bytes")
    long minSize;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of stdout")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (minSize < 0) {
            throw new UserError(ExitCode.USAGE, "--min-size takes 0 or a positive number of bytes, not " + minSize);
        }
        CoreInput.refuseOverwriting(output, input.core, "-o");
        ListingFilter filter = new ListingFilter(type, minSize);
        try (AnalysisInput in = input.open();
             Analysis analysis = Analysis.open(input.request(in));
             OutputStream out = output == null ? new BufferedOutputStream(CloseShieldOutputStream.wrap(System.out), 1 << 16)
                     : new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
            BlockListingWriter[] writer = new BlockListingWriter[1];
            AnalysisResult result = analysis.run(names -> writer[0] = new BlockListingWriter(out, names, filter));
            writer[0].flush();
            result.summary().warnings().forEach(w -> System.err.println("maze: warning: " + w));
            if (type != null && !writer[0].typeFilterKnown()) {
                System.err.println("maze: no block has type '" + type + "'");
            }
        }
        return ExitCode.OK.code;
    }
}

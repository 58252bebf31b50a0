package maze.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.io.PrintWriter;
import maze.app.Analysis;
import maze.app.AnalysisResult;
import maze.app.PatternNaming;
import maze.classify.TypeNames;
import maze.classify.TypedBlockSink;
import java.util.function.Function;
import maze.output.OutputFile;
import maze.output.Stdout;
import maze.pack.AnalysisInput;
import maze.report.BlockListingWriter;
import maze.report.ListingFilter;
import maze.report.ListingSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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

    @Option(names = "--patterns", description = {"also name blocks without a vtable by their container shape"
            + " or the C++ class of what they hold (see maze analyze --help), e.g. 'std::list node (malloc(24))',"
            + " 'C++ T*[] (malloc(48))'; costs one more scan of the core"})
    boolean patterns;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (minSize < 0) {
            throw new UserError(ExitCode.USAGE, "--min-size takes 0 or a positive number of bytes, not " + minSize);
        }
        ListingFilter filter = new ListingFilter(type, minSize);
        try (OutputFile file = input.output(output, "-o");
             AnalysisInput in = input.open(file, spec.commandLine().getErr());
             Analysis analysis = Analysis.open(input.request(in));
             OutputStream out = new BufferedOutputStream(file == null ? Stdout.stream() : file.open(), 1 << 16)) {
            BlockListingWriter[] writer = new BlockListingWriter[1];
            Function<TypeNames, TypedBlockSink> listing = names -> writer[0] = new BlockListingWriter(out, names, filter);
            AnalysisResult r = patterns ? PatternNaming.run(analysis, input.request(in), listing) : analysis.run(listing);
            writer[0].flush();
            out.flush();
            if (file != null) {
                file.commit();
            }
            PrintWriter err = spec.commandLine().getErr();
            if (type != null && !writer[0].typeFilterKnown()) {
                err.println("maze: no block has type '" + type + "'");
            }
            r.summary().warnings().forEach(w -> err.println("maze: warning: " + w));
            err.println("maze: " + ListingSummary.line(writer[0].written(), r.summary()));
            err.flush();
            return ExitCode.of(r.summary()).code;
        }
    }
}

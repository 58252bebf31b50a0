package maze.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import maze.app.References;
import maze.graph.LeakReport;
import maze.graph.SetListing;
import maze.output.OutputFile;
import maze.output.Stdout;
import maze.pack.AnalysisInput;
import maze.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code maze leaks}: which live blocks no root reaches, by type. */
@Command(name = "leaks", mixinStandardHelpOptions = true,
        description = {"Live heap blocks that nothing the program can reach points to, by type.",
                "maze scans the core once for pointers (every 8-aligned word whose value lies in a",
                "live block, interior pointers included) and follows them from the roots: the",
                "writable data of every module (globals), each thread's stack from its stack pointer",
                "and its registers, the area around each thread pointer (TLS), and, conservatively,",
                "any other writable memory that holds no heap block.",
                "  anchored      reachable from a root",
                "  leaked        reachable from no root (includes the unreferenced ones)",
                "  unreferenced  leaked, and no other leaked block points to it: the head of a",
                "                leaked structure; a leaked cycle has none",
                "A word that merely looks like a pointer keeps a block anchored (the scan is",
                "conservative), so a leak can hide, but an anchored block is never called leaked",
                "unless its only reference lies outside the memory the core holds."},
        footer = {"", "Examples:",
                "  maze leaks core.1234",
                "  maze leaks core.1234 --list -o leaked.jsonl      # the leaked blocks, one JSON line each",
                "  maze refs core.1234 0x5581e0a012c0               # why one block is (not) alive"})
final class LeaksCommand implements Callable<Integer> {
    @Mixin
    CoreInput input;

    @Option(names = "--top", paramLabel = "N", description = "show the N largest leaked types (default ${DEFAULT-VALUE}; 0: all)")
    int top = 30;

    @Option(names = "--human", description = "sizes as KiB/MiB/GiB instead of bytes")
    boolean human;

    @Option(names = "--list", description = "instead of the tables, every leaked block as JSON Lines in address order:"
            + " {\"address\":\"0x...\",\"size\":N,\"type\":\"...\",\"set\":\"leaked|unreferenced\"}")
    boolean list;

    @Option(names = "--all", description = "with --list: every live block, the anchored ones too (\"set\":\"anchored\")")
    boolean all;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "with --list: write to FILE instead of stdout")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (top < 0) {
            throw new UserError(ExitCode.USAGE, "--top takes 0 (all) or a positive number of rows, not " + top);
        }
        if ((all || output != null) && !list) {
            throw new UserError(ExitCode.USAGE, (all ? "--all" : "-o") + " goes with --list");
        }
        try (OutputFile file = input.output(output, "-o");
             AnalysisInput in = input.open(file, spec.commandLine().getErr());
             References refs = References.build(input.request(in))) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (list) {
                out.flush();
                long n;
                try (OutputStream o = file == null ? Stdout.stream() : file.open()) {
                    n = SetListing.write(refs.sets(), refs.names(), all, o);
                }
                if (file != null) {
                    file.commit();
                }
                refs.summary().warnings().forEach(w -> err.println("maze: warning: " + w));
                int meta = refs.graph().blocks().metadataCount();
                err.println("maze: listed " + n + " blocks of " + refs.graph().blocks().count() + " live blocks"
                        + (meta == 0 ? "" : " (and " + meta + " blocks of the allocator's own metadata, in no set)"));
                err.flush();
                return ExitCode.of(refs.summary()).code;
            }
            new LeakReport(refs.sets(), refs.names(), human).write(out, top, refs.graphMillis());
            refs.lap("leak report");
            out.println();
            new TextReport(human).writeSummary(refs.summary(), out);
            out.flush();
            return ExitCode.of(refs.summary()).code;
        }
    }
}

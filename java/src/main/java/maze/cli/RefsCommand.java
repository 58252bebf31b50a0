package maze.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import maze.app.References;
import maze.graph.BlockTable;
import maze.graph.RefsReport;
import maze.pack.AnalysisInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code maze refs}: why one block is alive. */
@Command(name = "refs", mixinStandardHelpOptions = true,
        description = {"Why a heap block is alive: the live block holding ADDR (any address inside it),",
                "whether it is anchored, leaked or unreferenced (see maze leaks --help), every",
                "block and root pointing into it (with the offset of the pointing word), what it",
                "points to, and one shortest chain of pointers from a root (a global named by its",
                "symbol, a thread's stack or register, TLS) down to it."},
        footer = {"", "Examples:",
                "  maze refs core.1234 0x5581e0a012c0",
                "  maze blocks core.1234 --type 'C++ Session' | head -1   # an address to ask about"})
final class RefsCommand implements Callable<Integer> {
    @Mixin
    CoreInput input;

    @Parameters(index = "1", paramLabel = "ADDR", description = "an address, hex (0x...) or decimal")
    String address;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long addr = parse(address);
        try (AnalysisInput in = input.open(null, spec.commandLine().getErr());
             References refs = References.build(input.request(in))) {
            PrintWriter out = spec.commandLine().getOut();
            boolean found = new RefsReport(refs.sets(), refs.names(), refs.memory(), refs.rootNames()).write(addr, out);
            out.flush();
            if (!found) {
                throw notFound(addr, refs.graph().blocks());
            }
            refs.summary().warnings().forEach(w -> spec.commandLine().getErr().println("maze: warning: " + w));
            return ExitCode.of(refs.summary()).code;
        }
    }

    /** Why ADDR has no report: it lies in no block, or in one the allocator calls its own metadata. */
    private UserError notFound(long addr, BlockTable blocks) {
        int meta = blocks.metadataIndexOf(addr);
        if (meta >= 0) {
            long start = blocks.metadataStart(meta);
            return new UserError(ExitCode.USAGE, String.format("0x%x lies in the allocator's own metadata, the block"
                    + " 0x%x (%d bytes), which is in no set of %s", addr, start,
                    blocks.metadataEnd(meta) - start, input.core));
        }
        return new UserError(ExitCode.USAGE, String.format("0x%x lies in no live heap block of %s"
                + " (maze blocks lists them)", addr, input.core));
    }

    static long parse(String text) {
        try {
            String t = text.trim().toLowerCase(java.util.Locale.ROOT);
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new UserError(ExitCode.USAGE, "ADDR must be an address such as 0x5581e0a012c0, not '" + text + "'");
        }
    }
}

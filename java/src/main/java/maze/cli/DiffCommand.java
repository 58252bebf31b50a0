package maze.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import maze.app.Analysis;
import maze.app.DiffRefusedException;
import maze.app.HeapDiff;
import maze.app.References;
import maze.diff.ChangeListing;
import maze.diff.DiffHtml;
import maze.diff.DiffJson;
import maze.diff.DiffResult;
import maze.diff.DiffText;
import maze.diff.NewBlocks;
import maze.diff.NewByRoot;
import maze.diff.StepCounts;
import maze.output.OutputException;
import maze.output.OutputFile;
import maze.output.Stdout;
import maze.pack.AnalysisInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code maze diff}: what grew between cores of one process. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What grew between two (or more) cores of one process, oldest first.",
                "Per type: blocks and bytes in each core and the change, largest growth first.",
                "Per block (a block is its address): survivors (same start, size and type), new,",
                "gone, and reused (same start, another size or type: freed and allocated again)."},
        footer = {"", "Examples:",
                "  maze diff core.1234.morning core.1234.evening",
                "  maze diff A B --list new > new-blocks.jsonl",
                "  maze diff A B C D --json series.json --html growth.html",
                "  maze diff A B --retained     (what holds the memory allocated since A)",
                "  maze diff other-host.core this-host.core --by-type-only"})
final class DiffCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "CORE", description = "cores or bundles of one process, oldest first")
    List<Path> cores;

    @Option(names = "--sysroot", paramLabel = "DIR", description = "look up every library under DIR (as gdb's sysroot)")
    Path sysroot;

    @Option(names = "--debug-file-directory", paramLabel = "DIR", description = "where separate debug files are (repeatable)")
    List<Path> debugDirs = new ArrayList<>();

    @Option(names = "--no-progress", description = "never show progress")
    boolean noProgress;

    @Option(names = "--by-type-only", description = "compare types only: the cores may be of different processes")
    boolean byTypeOnly;

    @Option(names = "--top", paramLabel = "N", description = "show the N types that grew most (default ${DEFAULT-VALUE}; 0: all)")
    int top = 30;

    @Option(names = "--human", description = "sizes as KiB/MiB/GiB instead of bytes")
    boolean human;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the whole diff as JSON to FILE (- for stdout)")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "also write a page with the growth treemap and the table to FILE")
    Path html;

    @Option(names = {"--retained", "--roots"},
            description = "also say what holds the memory allocated since the core before the last: per root of the"
                    + " last core's reference graph (a global, a thread's stack...), or leaked")
    boolean retained;

    @Option(names = "--list", paramLabel = "KIND",
            description = {"instead of the table, the blocks of one kind as JSON Lines: new, gone, reused or survivors",
                "(more than two cores: those of every step, each line saying its step)"})
    String list;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write --list to FILE instead of stdout")
    Path listOutput;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StepCounts.Kind kind = validate();
        boolean jsonToStdout = json != null && json.toString().equals("-");
        PrintWriter err = spec.commandLine().getErr();
        try (OutputFile jsonFile = jsonToStdout ? null : check(json, "--json");
             OutputFile listFile = check(listOutput, "-o");
             OutputFile page = check(html, "--html");
             OutputStream listOut = kind == null ? null
                     : new BufferedOutputStream(listFile == null ? Stdout.stream() : listFile.open(), 1 << 16)) {
            ChangeListing[] listing = new ChangeListing[1];
            long[] written = new long[1];
            HeapDiff diff = new HeapDiff(byTypeOnly, kind == null ? null : (from, names) -> {
                if (listing[0] != null) {
                    written[0] += listing[0].written();
                    flush(listing[0]); // the next step's lines follow this one's on the same stream
                }
                return listing[0] = new ChangeListing(kind, names, listOut, cores.size() > 2 ? from : -1);
            });
            if (retained) {
                diff.keepNewBlocks();
            }
            walk(diff, err, jsonFile, listFile, page);
            DiffResult d = diff.result();
            if (retained) {
                d = d.withRoots(byRoot(d, diff.lastNew(), err));
            }
            if (listing[0] != null) {
                listing[0].flush();
                listOut.flush();
                commit(listFile);
                d.warnings().forEach(w -> err.println("maze: warning: " + w));
                err.println("maze: " + (written[0] + listing[0].written()) + " " + kind.label + " blocks listed"
                        + (cores.size() > 2 ? " (" + d.steps().size() + " steps)" : ""));
                err.flush();
            } else if (!jsonToStdout) {
                new DiffText(human, top).write(d, spec.commandLine().getOut());
            }
            writeJson(d, jsonToStdout, jsonFile);
            writePage(d, page);
            return d.partial() ? ExitCode.PARTIAL.code : ExitCode.OK.code;
        }
    }

    private StepCounts.Kind validate() {
        if (top < 0) {
            throw new UserError(ExitCode.USAGE, "--top takes 0 (all) or a positive number of rows, not " + top);
        }
        if (retained && byTypeOnly) {
            throw new UserError(ExitCode.USAGE, "--retained follows blocks by address: not with --by-type-only");
        }
        if (listOutput != null && list == null) {
            throw new UserError(ExitCode.USAGE, "-o names where --list writes; give --list new|gone|reused|survivors");
        }
        if (list == null) {
            return null;
        }
        StepCounts.Kind kind = StepCounts.Kind.of(list);
        if (kind == null) {
            throw new UserError(ExitCode.USAGE, "--list takes new, gone, reused or survivors, not '" + list + "'");
        }
        if (byTypeOnly) {
            throw new UserError(ExitCode.USAGE, "--list compares the blocks of cores of one process (not with --by-type-only)");
        }
        if (json != null && json.toString().equals("-") && listOutput == null) {
            throw new UserError(ExitCode.USAGE, "--list and --json - would both write to stdout: give one of them a file");
        }
        return kind;
    }

    /** Every core and folder this run reads: an output may be none of them. */
    private List<Path> inputs() {
        List<Path> all = new ArrayList<>(cores);
        all.add(sysroot);
        all.addAll(debugDirs);
        return all;
    }

    private OutputFile check(Path path, String option) throws OutputException {
        return path == null ? null : OutputFile.check(path, option, inputs(), false);
    }

    private void walk(HeapDiff diff, PrintWriter err, OutputFile... outputs) throws IOException {
        try {
            diff.precheck(cores, sysroot);
        } catch (DiffRefusedException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
        for (int i = 0; i < cores.size(); i++) {
            CoreInput input = inputFor(cores.get(i));
            try (AnalysisInput in = input.open(null, err);
                 Analysis analysis = Analysis.open(input.request(in))) {
                for (OutputFile o : outputs) {
                    if (o != null && in.bundle() != null) {
                        o.alsoRefuse(in.bundle().root());
                    }
                }
                diff.add(cores.get(i).toString(), analysis, i < cores.size() - 1);
            } catch (DiffRefusedException e) {
                throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
            }
        }
    }

    /** The last core once more, with its reference graph: what holds each block allocated since the core before. */
    private NewByRoot byRoot(DiffResult d, NewBlocks added, PrintWriter err) throws Exception {
        int last = cores.size() - 1;
        CoreInput input = inputFor(cores.get(last));
        try (AnalysisInput in = input.open(null, err);
             References refs = References.build(input.request(in))) {
            List<NewByRoot.Row> rows = NewByRoot.attribute(added, refs.sets(), refs.dominators(), refs.rootNames());
            List<String> graphWarnings = new ArrayList<>(refs.summary().warnings());
            graphWarnings.removeAll(d.cores().get(last).summary().warnings());
            return new NewByRoot(last, rows, graphWarnings, refs.summary().partial());
        }
    }

    private CoreInput inputFor(Path core) {
        CoreInput c = new CoreInput();
        c.core = core;
        c.sysroot = sysroot;
        c.debugDirs = debugDirs;
        c.noProgress = noProgress;
        return c;
    }

    private void writeJson(DiffResult d, boolean toStdout, OutputFile file) throws IOException {
        if (toStdout) {
            spec.commandLine().getOut().flush();
            DiffJson.write(d, Stdout.stream());
        } else if (file != null) {
            try (OutputStream o = file.open()) {
                DiffJson.write(d, o);
            }
            commit(file);
        }
    }

    private static void writePage(DiffResult d, OutputFile page) throws IOException {
        if (page != null) {
            try (OutputStream o = page.open()) {
                DiffHtml.write(d, o);
            }
            page.commit();
        }
    }

    private static void flush(ChangeListing listing) {
        try {
            listing.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void commit(OutputFile file) throws OutputException {
        if (file != null) {
            file.commit();
        }
    }
}

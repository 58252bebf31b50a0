package maze.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import maze.classify.BlockClassifier;
import maze.classify.ClassifyingSink;
import maze.classify.TypeNames;
import maze.classify.TypedBlockSink;
import maze.classify.VtableIndex;
import maze.core.CoreModel;
import maze.core.CoreOptions;
import maze.core.CoreReader;
import maze.core.DebugFiles;
import maze.core.Module;
import maze.gdb.GdbOptions;
import maze.heap.AllocatorPlugin;
import maze.heap.BlockSink;
import maze.heap.Coverage;
import maze.heap.ModuleEvidence;
import maze.heap.HeapContext;
import maze.heap.Warnings;
import maze.layout.DwarfLayoutProvider;
import maze.layout.LayoutCache;
import maze.memory.CoreMemory;
import maze.report.ReportSummary;
import maze.report.TeeSink;
import maze.report.TypeAggregator;

/**
 * The analysis facade: reads the core, finds its allocators, walks them, and classifies and
 * aggregates every live block (optionally also feeding a block listing).
 */
public final class Analysis implements AutoCloseable {
    private final CoreModel core;
    private final CoreMemory memory;
    private final CoreHeapContext context;
    private final Warnings warnings = new Warnings();
    private final boolean progress;
    private final DebugFiles debugFiles;
    /** The vtables the latest run named blocks by; empty before any run. */
    private VtableIndex vtables = VtableIndex.empty();

    private Analysis(CoreAccess access, AnalysisRequest request) {
        this.core = access.core();
        this.memory = access.memory();
        this.progress = request.progress();
        this.debugFiles = DebugFiles.forAnalysis(request.debugDirs(), request.sysroot());
        // gdb looks where the type names do: the given folders, then /usr/lib/debug and the sysroot's
        GdbOptions gdb = GdbOptions.defaults().withDebugFileDirectories(debugFiles.dirs())
                .withSysroot(request.sysroot());
        this.context = new CoreHeapContext(access, new DwarfLayoutProvider(gdb, LayoutCache.standard()), warnings,
                debugFiles);
        core.warnings().forEach(warnings::add);
    }

    public static Analysis open(AnalysisRequest request) throws IOException {
        CoreModel core = CoreReader.read(request.core(), new CoreOptions(request.exe(), request.sysroot()));
        return new Analysis(CoreAccess.open(core, localFiles(core, request.sysroot())), request);
    }

    public CoreModel core() {
        return core;
    }

    /**
     * Memory, scanner and layouts of this core, for what runs after the walk (the reference graph,
     * the pattern pass): the one mapping of the core, not another.
     */
    HeapContext context() {
        return context;
    }

    /** The vtables the latest {@link #run} named blocks by (a word's class, for the pattern pass). */
    VtableIndex vtables() {
        return vtables;
    }

    /** The core's memory, open until close. */
    CoreMemory memory() {
        return memory;
    }

    /** Every allocator the plugins find in this core; none at all is an error naming what was looked for. */
    Allocators detect() {
        Allocators a = Allocators.detect(context);
        if (a.found.isEmpty() && a.mallocServer.isEmpty()) {
            throw new NoAllocatorException(core.file() + ": no supported allocator (" + String.join(", ", pluginNames())
                    + ") and no module defining malloc among " + core.modules().size() + " modules" + why());
        }
        return a;
    }

    /** Why nothing was found, when the core says: cut short, or a program with no libraries and no symbols. */
    private String why() {
        long needed = core.segments().stream().mapToLong(s -> s.fileOffset() + s.fileSize()).max().orElse(0);
        if (Long.compareUnsigned(needed, core.fileSize()) > 0) {
            return String.format("; the core is truncated (the file has %d of the %d bytes its segments need), so the"
                    + " libraries it lists could not all be read: take a complete core (gcore PID, or a larger"
                    + " core size limit: ulimit -c unlimited)", core.fileSize(), needed);
        }
        if (core.executable() != null && ModuleEvidence.staticExecutable(core.executable())) {
            return "; the executable is linked statically and has no symbols (stripped): maze finds the malloc linked"
                    + " into a program by its symbols (glibc's main_arena and mp_); give the unstripped executable"
                    + " (--exe PATH) or its debug file (--debug-file-directory DIR holding .build-id/xx/rest.debug)";
        }
        if (core.modules().stream().filter(m -> m.localFile() != null).count() <= 1) {
            return "; the program uses no shared library maze can read (linked statically, or its files are missing"
                    + " here: --exe, --sysroot), and its executable names no allocator (stripped?)";
        }
        return "";
    }

    private static List<String> pluginNames() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(AllocatorPlugin.class).forEach(p -> names.add(p.name()));
        return names;
    }

    /**
     * Walks every allocator; {@code listing} (may return null) makes an extra sink once the type
     * names are known, for the block listing.
     */
    public AnalysisResult run(Function<TypeNames, TypedBlockSink> listing) {
        try (Progress bar = Progress.start(progress, "finding allocators")) {
            Allocators allocators = detect();
            bar.phase("reading vtable symbols");
            Vtables vtables = Vtables.read(core, debugFiles, warnings);
            this.vtables = vtables.index();
            TypeAggregator aggregate = new TypeAggregator();
            TypedBlockSink extra = listing == null ? null : listing.apply(vtables.index().names());
            TypedBlockSink typed = extra == null ? aggregate : TeeSink.of(aggregate, extra);
            BlockClassifier classifier = new BlockClassifier(vtables.index(), memory, vtables.unnamed());
            BlockSink sink = new ClassifyingSink(classifier, typed);
            bar.phase("walking heap (layouts first)");
            Walks walks = new Walks(context, allocators);
            List<Coverage> coverage = walks.run(bar.counting(sink));
            vtables.reportUnnamed(warnings);
            return new AnalysisResult(aggregate, vtables.index().names(),
                    summary(aggregate, coverage, walks).withNames(classifier.sources()),
                    ProcessAccounting.of(core, coverage, walks.owned()), walks.metadata());
        }
    }

    /** The allocators that held blocks name the result (glibc beside a preloaded allocator holds none). */
    private ReportSummary summary(TypeAggregator aggregate, List<Coverage> coverage, Walks walks) {
        List<Coverage> walked = coverage.stream().filter(Coverage::walked).toList();
        List<Coverage> shown = walked.stream().filter(c -> c.blocks() > 0).toList();
        if (shown.isEmpty()) {
            // no blocks at all: name what serves malloc, walked or not, rather than an empty glibc
            List<Coverage> serving = coverage.stream().filter(Coverage::servesMalloc).toList();
            shown = !serving.isEmpty() ? serving : walked.isEmpty() ? coverage : walked;
        }
        List<String> names = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (Coverage c : shown) {
            names.add(c.allocator());
            versions.add(c.version() == null || !c.version().known() ? "?" : c.version().text());
        }
        return aggregate.summary(String.join(" + ", names), String.join(" + ", versions),
                walks.facts(shown), coverage, warnings.all(), warnings.incomplete());
    }

    /** NT_FILE path -> the file on this host: the module's resolved file, else sysroot + path, else the path. */
    static Function<String, Path> localFiles(CoreModel core, Path sysroot) {
        Map<String, Path> byPath = new HashMap<>();
        for (Module m : core.modules()) {
            if (m.localFile() != null) {
                byPath.put(m.path(), m.localFile());
            }
        }
        return path -> {
            Path p = byPath.get(path);
            if (p == null) {
                p = sysroot == null ? Path.of(path) : sysroot.resolve(path.replaceFirst("^/+", ""));
            }
            return Files.isRegularFile(p) ? p : null;
        };
    }

    @Override
    public void close() {
        context.close();
        memory.close();
    }
}

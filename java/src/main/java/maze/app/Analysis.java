package maze.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import maze.core.Module;
import maze.gdb.GdbOptions;
import maze.heap.AllocatorPlugin;
import maze.heap.BlockSink;
import maze.heap.Detection;
import maze.heap.HeapSummary;
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

    private Analysis(CoreModel core, CoreMemory memory, AnalysisRequest request) {
        this.core = core;
        this.memory = memory;
        this.progress = request.progress();
        GdbOptions gdb = GdbOptions.defaults().withDebugFileDirectories(request.debugDirs())
                .withSysroot(request.sysroot());
        this.context = new CoreHeapContext(core, memory, new DwarfLayoutProvider(gdb, LayoutCache.standard()), warnings);
        core.warnings().forEach(warnings::add);
    }

    public static Analysis open(AnalysisRequest request) throws IOException {
        CoreModel core = CoreReader.read(request.core(), new CoreOptions(request.exe(), request.sysroot()));
        return new Analysis(core, CoreMemory.of(core, localFiles(core, request.sysroot())), request);
    }

    public CoreModel core() {
        return core;
    }

    /** Every allocator plugin that recognises something in this core. */
    public List<Map.Entry<AllocatorPlugin, Detection>> detect() {
        List<Map.Entry<AllocatorPlugin, Detection>> found = new ArrayList<>();
        for (AllocatorPlugin p : ServiceLoader.load(AllocatorPlugin.class)) {
            p.detect(context).ifPresent(d -> found.add(Map.entry(p, d)));
        }
        if (found.isEmpty()) {
            throw new NoAllocatorException(core.file() + ": no supported allocator (glibc malloc, mimalloc) among "
                    + core.modules().size() + " modules");
        }
        return found;
    }

    /**
     * Walks every allocator; {@code listing} (may return null) makes an extra sink once the type
     * names are known, for the block listing.
     */
    public AnalysisResult run(Function<TypeNames, TypedBlockSink> listing) {
        List<Map.Entry<AllocatorPlugin, Detection>> allocators = detect();
        VtableIndex vtables = Vtables.index(core, warnings);
        TypeAggregator aggregate = new TypeAggregator();
        TypedBlockSink extra = listing == null ? null : listing.apply(vtables.names());
        TypedBlockSink typed = extra == null ? aggregate : TeeSink.of(aggregate, extra);
        BlockSink sink = new ClassifyingSink(new BlockClassifier(vtables, memory), typed);
        try (Progress bar = Progress.start(progress, "walking heap")) {
            Map<String, Object> facts = walkAll(allocators, bar.counting(sink));
            return new AnalysisResult(aggregate, vtables.names(), summary(aggregate, allocators, facts));
        }
    }

    private Map<String, Object> walkAll(List<Map.Entry<AllocatorPlugin, Detection>> allocators, BlockSink sink) {
        if (allocators.size() == 1) {
            Map.Entry<AllocatorPlugin, Detection> only = allocators.get(0);
            return new LinkedHashMap<>(only.getKey().walk(context, only.getValue(), sink).facts());
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        try (BlockMerge merge = new BlockMerge()) {
            for (Map.Entry<AllocatorPlugin, Detection> a : allocators) {
                HeapSummary hs = a.getKey().walk(context, a.getValue(), merge.newRun());
                facts.put(a.getKey().name(), hs.facts());
            }
            merge.replay(sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill blocks while merging allocators", e);
        }
        return facts;
    }

    private ReportSummary summary(TypeAggregator aggregate, List<Map.Entry<AllocatorPlugin, Detection>> allocators,
                                  Map<String, Object> facts) {
        List<String> names = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (Map.Entry<AllocatorPlugin, Detection> a : allocators) {
            names.add(a.getValue().allocator());
            Object walked = allocators.size() == 1 ? facts.remove("version") : null; // shown as the allocator's version
            String version = a.getValue().version() != null ? a.getValue().version() : walked == null ? null : walked.toString();
            versions.add(version == null ? "?" : version);
        }
        return aggregate.summary(String.join(" + ", names), String.join(" + ", versions), facts, warnings.all());
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
        memory.close();
    }
}

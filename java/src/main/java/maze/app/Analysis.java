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
import maze.heap.Warnings;
import maze.layout.LayoutException;
import maze.gdb.GdbException;
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
            List<Walked> walked = walkAll(allocators, bar.counting(sink));
            return new AnalysisResult(aggregate, vtables.names(), summary(aggregate, walked));
        }
    }

    /** One allocator's walk: its detection, its facts (version taken out) and how many blocks it gave. */
    private record Walked(Detection detection, String version, Map<String, Object> facts, long blocks) {
    }

    private List<Walked> walkAll(List<Map.Entry<AllocatorPlugin, Detection>> allocators, BlockSink sink) {
        List<Walked> walked = new ArrayList<>();
        if (allocators.size() == 1) {
            walked.add(walk(allocators.get(0), sink));
            return walked;
        }
        RuntimeException firstFailure = null;
        try (BlockMerge merge = new BlockMerge()) {
            for (Map.Entry<AllocatorPlugin, Detection> a : allocators) {
                try {
                    walked.add(walk(a, merge.newRun()));
                } catch (LayoutException | GdbException e) {
                    // one allocator without layouts must not cost the others' results
                    warnings.add("%s not walked: %s", a.getValue().allocator(), e.getMessage());
                    firstFailure = firstFailure == null ? e : firstFailure;
                }
            }
            if (walked.isEmpty()) {
                throw firstFailure;
            }
            merge.replay(sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill blocks while merging allocators", e);
        }
        return walked;
    }

    private Walked walk(Map.Entry<AllocatorPlugin, Detection> a, BlockSink sink) {
        long[] count = new long[1];
        BlockSink counting = (address, size, flags) -> {
            count[0]++;
            sink.block(address, size, flags);
        };
        Map<String, Object> facts = new LinkedHashMap<>(a.getKey().walk(context, a.getValue(), counting).facts());
        Object version = facts.remove("version");
        String v = a.getValue().version() != null ? a.getValue().version() : version == null ? null : version.toString();
        return new Walked(a.getValue(), v, facts, count[0]);
    }

    /** Allocators that held no block (glibc beside a preloaded allocator) are left out of the summary. */
    private ReportSummary summary(TypeAggregator aggregate, List<Walked> walked) {
        List<Walked> shown = walked.stream().filter(w -> w.blocks() > 0).toList();
        if (shown.isEmpty()) {
            shown = walked;
        }
        List<String> names = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        for (Walked w : shown) {
            names.add(w.detection().allocator());
            versions.add(w.version() == null ? "?" : w.version());
            if (shown.size() == 1) {
                facts.putAll(w.facts());
            } else {
                facts.put(w.detection().allocator(), w.facts());
            }
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

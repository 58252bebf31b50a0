package maze.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import maze.heap.AllocatorPlugin;
import maze.heap.VersionProbe;
import maze.classify.ModuleVtables;
import maze.core.CoreModel;
import maze.core.CoreOptions;
import maze.core.CoreReader;
import maze.core.DebugFiles;
import maze.core.Module;
import maze.core.ThreadInfo;

/**
 * {@code maze info}: what the core alone says about the process (pid, command line, executable,
 * threads, modules, memory map), as text or JSON. Addresses in JSON are "0x..." strings, since
 * 64-bit addresses do not survive JSON numbers in many readers.
 */
public final class CoreInfo {
    /**
     * Per candidate: a constructor that takes longer is not worth waiting for. Below maze_probe's
     * own alarm (20 s), so the child is normally ended here, with a clear reason.
     */
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(15);

    private CoreInfo() {
    }

    public static void run(InfoRequest request, PrintWriter out) {
        CoreModel core = CoreReader.read(request.core(), new CoreOptions(request.exe(), request.sysroot()));
        List<Map<String, Object>> allocators = AllocatorInfo.detect(core, request.sysroot());
        DlopenProbe.Result probed = request.dlopenProbe() ? probe(core) : null;
        Map<String, ModuleVtables.Symbols> symbols = ModuleVtables.read(core,
                DebugFiles.forAnalysis(request.debugDirs(), request.sysroot()), note -> { }).symbolsByModule();
        if (request.json()) {
            out.println(json(core, allocators, probed, symbols));
        } else {
            InfoText.write(core, MemoryMap.of(core), allocators, probed, symbols, out);
        }
        out.flush();
    }

    private static DlopenProbe.Result probe(CoreModel core) {
        try {
            VersionProbe allocator = probing();
            return new DlopenProbe(ProbeChild.bundled(PROBE_LIMIT), allocator).probe(allocator.probeCandidates(core));
        } catch (IOException e) {
            throw new UncheckedIOException("the dlopen probe could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the dlopen probe", e);
        }
    }

    /** The plugin offering the probe (plugins that can be asked are {@link VersionProbe}s). */
    private static VersionProbe probing() {
        for (AllocatorPlugin<?> p : ServiceLoader.load(AllocatorPlugin.class)) {
            if (p instanceof VersionProbe v) {
                return v;
            }
        }
        throw new IllegalStateException("no allocator plugin offers a dlopen probe");
    }

    static String json(CoreModel core, List<Map<String, Object>> allocators, DlopenProbe.Result probed,
                       Map<String, ModuleVtables.Symbols> symbols) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("core", core.file().toString());
        root.put("kernel_core", core.kernel());
        root.put("pid", core.pid());
        root.put("ppid", core.ppid());
        root.put("command", core.fname());
        root.put("args", core.psargs());
        root.put("exec_fn", core.execFn());
        root.put("exe", core.exePath());
        root.put("threads", core.threads().stream().map(CoreInfo::thread).toList());
        root.put("modules", core.modules().stream().map(m -> module(m, symbols.get(m.path()))).toList());
        root.put("allocators", allocators);
        if (probed != null) {
            root.put("dlopen_probe", ProbeReport.json(probed, allocators));
        }
        root.put("segments", MemoryMap.of(core).stream().map(CoreInfo::region).toList());
        root.put("warnings", core.warnings());
        try {
            // non-ASCII as \\u escapes too: a C1 control or bidi override from the process stays inert on a terminal
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
            json.getFactory().setCharacterEscapes(new maze.output.JsonEscapes());
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> thread(ThreadInfo t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tid", t.tid());
        m.put("fs_base", hex(t.fsBase()));
        m.put("rsp", hex(t.rsp()));
        m.put("rip", hex(t.rip()));
        return m;
    }

    /** {@code symbols}: null when the module's file could not be read. */
    private static Map<String, Object> module(Module mod, ModuleVtables.Symbols symbols) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", mod.path());
        m.put("link_name", mod.linkName());
        m.put("load_bias", hex(mod.loadBias()));
        m.put("build_id", mod.buildId());
        m.put("executable", mod.executable());
        m.put("local_file", mod.localFile() == null ? null : mod.localFile().toString());
        m.put("file_present", mod.localFile() != null);
        m.put("file_build_id", mod.fileBuildId());
        m.put("build_id_matches", mod.fileMatches());
        m.put("symbols", symbols == null ? null : symbols.best());
        m.put("debug_file", symbols == null || symbols.debugFile() == null ? null : symbols.debugFile().toString());
        return m;
    }

    private static Map<String, Object> region(MemoryMap.Region r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", hex(r.start()));
        m.put("end", hex(r.end()));
        m.put("size", r.end() - r.start());
        m.put("flags", r.flags());
        m.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("file", r.file());
        return m;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}

package maze.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import maze.core.CoreModel;
import maze.core.DebugFiles;
import maze.heap.Detection;
import maze.heap.Version;
import maze.heap.Warnings;
import maze.layout.LayoutException;
import maze.layout.LayoutProvider;

/**
 * The allocators {@code maze info} names, with their versions: each plugin's detection only
 * (exports and code bytes), so no layouts are asked and no gdb is started.
 */
final class AllocatorInfo {
    private static final LayoutProvider NO_LAYOUTS = (module, request) -> {
        throw new LayoutException("maze info detects allocators without layouts");
    };

    private AllocatorInfo() {
    }

    /**
     * One map per allocator found: name, version (may be null), the module holding it, whether it
     * serves malloc and whether maze can walk it (and why not); plus an entry for a malloc-serving
     * module that holds no allocator maze knows.
     */
    static List<Map<String, Object>> detect(CoreModel core, Path sysroot) {
        List<Map<String, Object>> found = new ArrayList<>();
        try (CoreHeapContext ctx = new CoreHeapContext(CoreAccess.open(core, Analysis.localFiles(core, sysroot)),
                NO_LAYOUTS, new Warnings(), DebugFiles.forAnalysis(List.of(), sysroot))) {
            Allocators a = Allocators.detect(ctx);
            for (Allocators.Found<?> f : a.found) {
                Detection<?> d = f.detection();
                found.add(entry(d.allocator(), d.version(), d.module().path(), a.servesMalloc(d), d.notWalkable()));
            }
            a.unknownServer().ifPresent(m -> found.add(entry("unknown allocator", Version.unknown(null), m.path(), true,
                    "it exports malloc, and no allocator maze knows was found in it")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static Map<String, Object> entry(String allocator, Version version, String module, boolean servesMalloc,
                                             String notWalkable) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("allocator", allocator);
        m.put("version", version.text());
        m.put("version_from", version.source());
        m.put("module", module);
        m.put("serves_malloc", servesMalloc);
        m.put("walkable", notWalkable == null);
        m.put("not_walkable_because", notWalkable);
        return m;
    }

    /** "2.0.9 (mi_version)", "2.36 (banner)", or "(version unknown)" for one entry of {@link #detect}. */
    static String versionText(Map<String, Object> entry) {
        Object v = entry.get("version");
        Object from = entry.get("version_from");
        return v == null ? "(version unknown)" : from == null ? v.toString() : v + " (" + from + ")";
    }
}

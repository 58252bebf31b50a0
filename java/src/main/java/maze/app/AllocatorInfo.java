package maze.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import maze.core.CoreModel;
import maze.heap.AllocatorPlugin;
import maze.heap.HeapContext;
import maze.heap.Warnings;
import maze.layout.LayoutException;
import maze.layout.LayoutProvider;
import maze.memory.CoreMemory;

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

    /** One map per allocator found: name, version (may be null) and the module holding it. */
    static List<Map<String, Object>> detect(CoreModel core, Path sysroot) {
        List<Map<String, Object>> found = new ArrayList<>();
        try (CoreMemory memory = CoreMemory.of(core, Analysis.localFiles(core, sysroot))) {
            HeapContext ctx = new CoreHeapContext(core, memory, NO_LAYOUTS, new Warnings());
            for (AllocatorPlugin p : ServiceLoader.load(AllocatorPlugin.class)) {
                p.detect(ctx).ifPresent(d -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("allocator", d.allocator());
                    m.put("version", d.version());
                    m.put("module", d.module().path());
                    found.add(m);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}

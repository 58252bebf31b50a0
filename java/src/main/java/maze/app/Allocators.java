package maze.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import maze.core.Module;
import maze.heap.AllocatorPlugin;
import maze.heap.BlockCursor;
import maze.heap.Detection;
import maze.heap.HeapContext;
import maze.heap.MallocServer;

/**
 * Every allocator the plugins find in a process, each paired with its plugin so the detection's
 * own type carries through to the walk; and which module serves malloc.
 */
final class Allocators {
    /** A plugin and one of its detections, with their shared state type. */
    record Found<S>(AllocatorPlugin<S> plugin, Detection<S> detection) {
        BlockCursor walk(HeapContext ctx) {
            return plugin.walk(ctx, detection);
        }
    }

    final List<Found<?>> found;
    /** The module the process's malloc calls reach, if any module defines malloc. */
    final Optional<Module> mallocServer;

    private Allocators(List<Found<?>> found, Optional<Module> mallocServer) {
        this.found = found;
        this.mallocServer = mallocServer;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Allocators detect(HeapContext ctx) {
        List<Found<?>> found = new ArrayList<>();
        for (AllocatorPlugin p : ServiceLoader.load(AllocatorPlugin.class)) {
            for (Object d : p.detect(ctx)) {
                found.add(new Found(p, (Detection) d));
            }
        }
        return new Allocators(found, MallocServer.find(ctx));
    }

    boolean servesMalloc(Detection<?> d) {
        return mallocServer.isPresent() && mallocServer.get().path().equals(d.module().path());
    }

    /** The malloc-serving module when no detected allocator lives in it: an allocator maze does not know. */
    Optional<Module> unknownServer() {
        return mallocServer.filter(m -> found.stream().noneMatch(f -> servesMalloc(f.detection())));
    }
}

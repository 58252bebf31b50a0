package maze.heap;

import maze.core.CoreModel;
import maze.core.Module;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.memory.MemoryView;

/** What an allocator walker may use: the core's facts, its memory, layouts, and a warning list. */
public interface HeapContext {
    CoreModel core();

    MemoryView memory();

    LayoutSource layouts(Module module, LayoutRequest request);

    Warnings warnings();
}

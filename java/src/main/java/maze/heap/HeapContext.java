package maze.heap;

import maze.core.CoreModel;
import maze.core.Module;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.memory.CoreScanner;
import maze.memory.MemoryView;

/** What an allocator walker may use: the core's facts, its memory, layouts, and a warning list. */
public interface HeapContext {
    CoreModel core();

    MemoryView memory();

    /** Bulk scans over the core's bytes (native, multi-threaded): header searches go here. */
    CoreScanner scanner();

    LayoutSource layouts(Module module, LayoutRequest request);

    Warnings warnings();

    /** The module's separate debug file, for symbols a stripped file lacks; null when none is found. */
    default java.nio.file.Path debugFile(Module module) {
        return null;
    }
}

package maze.app;

import java.util.HashMap;
import java.util.Map;
import maze.core.CoreModel;
import maze.core.Module;
import maze.heap.HeapContext;
import maze.heap.Warnings;
import maze.layout.LayoutProvider;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.memory.CoreMemory;
import maze.memory.CoreScanner;
import maze.memory.MemoryView;

/** The HeapContext of one analysis; layouts are asked once per module and request. */
final class CoreHeapContext implements HeapContext {
    private final CoreModel core;
    private final CoreMemory memory;
    private final LayoutProvider layouts;
    private final Warnings warnings;
    private final Map<String, LayoutSource> asked = new HashMap<>();

    CoreHeapContext(CoreModel core, CoreMemory memory, LayoutProvider layouts, Warnings warnings) {
        this.core = core;
        this.memory = memory;
        this.layouts = layouts;
        this.warnings = warnings;
    }

    @Override
    public CoreModel core() {
        return core;
    }

    @Override
    public MemoryView memory() {
        return memory;
    }

    @Override
    public CoreScanner scanner() {
        return memory.scanner();
    }

    @Override
    public LayoutSource layouts(Module module, LayoutRequest request) {
        return asked.computeIfAbsent(module.path() + "\n" + request, k -> layouts.forModule(module, request));
    }

    @Override
    public Warnings warnings() {
        return warnings;
    }
}

package maze.heap.mimalloc;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import maze.core.CoreModel;
import maze.core.Module;
import maze.core.Segment;
import maze.core.ThreadInfo;
import maze.heap.Detection;
import maze.heap.HeapContext;
import maze.heap.Warnings;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.memory.CoreScanner;
import maze.memory.MemoryView;
import maze.testing.FakeScanner;

/**
 * A HeapContext over synthetic memory: one library module (no file on disk), one thread, the
 * given core segments, and {@code dwarf} as what the layout layer answers (null: no DWARF).
 */
public final class FakeHeapContext implements HeapContext {
    public static final long THREAD = 0x7f0000100000L;

    private final CoreModel core;
    private final MemoryView mem;
    private final LayoutSource dwarf;
    private final Warnings warnings = new Warnings();

    public FakeHeapContext(MemoryView mem, List<Segment> segments, LayoutSource dwarf, String buildId, long bias) {
        this.mem = mem;
        this.dwarf = dwarf;
        Module lib = new Module("/usr/lib/libmimalloc.so", "libmimalloc.so", bias, buildId, null, null, false);
        core = new CoreModel(Path.of("core"), 0, false, 1, 0, "t", "t", "t", "/t",
                List.of(new ThreadInfo(1, THREAD, 0, 0)), segments, List.of(), Map.of(), List.of(lib), List.of());
    }

    public Module library() {
        return core.modules().get(0);
    }

    /** A detection of mimalloc {@code v} in {@code lib}, as the plugin makes one. */
    public static Detection<MiVersion> detection(MiVersion v, Module lib) {
        return MimallocPlugin.detection(v, lib, "test");
    }

    @Override
    public CoreModel core() {
        return core;
    }

    @Override
    public MemoryView memory() {
        return mem;
    }

    @Override
    public CoreScanner scanner() {
        return new FakeScanner(memory());
    }

    @Override
    public LayoutSource layouts(Module module, LayoutRequest request) {
        if (dwarf == null) {
            throw new IllegalStateException("cannot start gdb (as a missing gdb fails in the layout layer)");
        }
        return dwarf;
    }

    @Override
    public Warnings warnings() {
        return warnings;
    }
}

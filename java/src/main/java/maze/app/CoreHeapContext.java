package maze.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import maze.core.CoreFormatException;
import maze.core.CoreModel;
import maze.core.DebugFiles;
import maze.core.Module;
import maze.heap.HeapContext;
import maze.heap.Warnings;
import maze.layout.LayoutProvider;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.memory.CoreScanner;
import maze.memory.MemoryView;
import maze.nativebind.NativeCoreScanner;

/**
 * The HeapContext of one analysis; layouts are asked once per module and request (one walk at a
 * time asks: walks run on threads of their own), and native scans are opened on first use.
 */
final class CoreHeapContext implements HeapContext, AutoCloseable {
    private final CoreModel core;
    private final CoreAccess access;
    private final LayoutProvider layouts;
    private final Warnings warnings;
    private final DebugFiles debugFiles;
    private final Map<String, LayoutSource> asked = new HashMap<>();
    private NativeCoreScanner scanner;

    CoreHeapContext(CoreAccess access, LayoutProvider layouts, Warnings warnings, DebugFiles debugFiles) {
        this.core = access.core();
        this.access = access;
        this.layouts = layouts;
        this.warnings = warnings;
        this.debugFiles = debugFiles;
    }

    @Override
    public Path debugFile(Module module) {
        try {
            return module.localFile() != null && module.fileMatches() ? debugFiles.find(module.localFile())
                    : debugFiles.find(null, module.buildId(), null);
        } catch (CoreFormatException | UncheckedIOException e) {
            return null;
        }
    }

    @Override
    public CoreModel core() {
        return core;
    }

    @Override
    public MemoryView memory() {
        return access.memory();
    }

    @Override
    public synchronized CoreScanner scanner() {
        if (scanner == null) {
            try {
                scanner = access.scanner(Runtime.getRuntime().availableProcessors());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scanner;
    }

    /** Closes the scanner if one was opened. */
    @Override
    public synchronized void close() {
        if (scanner != null) {
            scanner.close();
            scanner = null;
        }
    }

    @Override
    public synchronized LayoutSource layouts(Module module, LayoutRequest request) {
        return asked.computeIfAbsent(module.path() + "\n" + request, k -> layouts.forModule(module, request));
    }

    @Override
    public Warnings warnings() {
        return warnings;
    }
}

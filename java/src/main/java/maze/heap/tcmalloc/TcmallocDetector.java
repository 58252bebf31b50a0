package maze.heap.tcmalloc;

import java.util.List;
import java.util.regex.Pattern;
import maze.heap.Detection;
import maze.heap.HeapContext;
import maze.heap.ModuleEvidence;

/**
 * Finds gperftools' tcmalloc (libtcmalloc_minimal.so.4, libtcmalloc.so.4, or linked into the
 * executable) by its exports, and reads its version string ("gperftools 2.10") from .rodata.
 */
final class TcmallocDetector {
    private static final String[] EXPORTS = {"tc_malloc", "_ZN8tcmalloc11ThreadCache13thread_heaps_E"};
    private static final Pattern VERSION = Pattern.compile("gperftools (\\d+\\.\\d+(?:\\.\\d+)?)\0");

    private TcmallocDetector() {
    }

    static List<Detection<Void>> detect(HeapContext ctx, String allocator, String notWalkable) {
        return ModuleEvidence.byExports(ctx, allocator, EXPORTS, VERSION, notWalkable);
    }
}

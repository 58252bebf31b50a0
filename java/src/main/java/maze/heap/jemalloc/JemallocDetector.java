package maze.heap.jemalloc;

import java.util.List;
import java.util.regex.Pattern;
import maze.heap.Detection;
import maze.heap.HeapContext;
import maze.heap.ModuleEvidence;

/**
 * Finds jemalloc by its exports in any module (Debian's libjemalloc.so.2, or a copy linked into
 * the executable with or without a symbol prefix) and reads its version string from .rodata.
 */
final class JemallocDetector {
    /** mallocx is jemalloc's own API; je_ and _rjem_ are the prefixes of bundled builds (redis, Rust). */
    private static final String[] EXPORTS = {"mallocx", "je_mallocx", "_rjem_mallocx"};
    /** JEMALLOC_VERSION, "5.3.0-0-g54eaed1d8b56b1aa528be3bdd1877e59c56fa90c": the release is its first part. */
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+)-\\d+-g[0-9a-f]{7,40}\0");

    private JemallocDetector() {
    }

    static List<Detection<Void>> detect(HeapContext ctx, String allocator, String notWalkable) {
        return ModuleEvidence.byExports(ctx, allocator, EXPORTS, VERSION, notWalkable);
    }
}

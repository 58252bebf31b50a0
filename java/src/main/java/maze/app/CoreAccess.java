package maze.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import maze.core.CoreModel;
import maze.memory.CoreMemory;
import maze.nativebind.NativeCoreMapping;
import maze.nativebind.NativeCoreScanner;

/**
 * How one analysis reads its core: the C helper maps the segment bytes once, and both the Java
 * reads and the native scans go through that mapping (two mappings of one file count its pages
 * twice in the resident set). Where the helper cannot be loaded, Java maps the bytes itself and
 * scans fail when first asked for, as they would anyway.
 */
record CoreAccess(CoreModel core, CoreMemory memory, NativeCoreMapping mapping) {

    static CoreAccess open(CoreModel core, Function<String, Path> moduleFiles) throws IOException {
        NativeCoreMapping mapping;
        try {
            mapping = NativeCoreMapping.open(core.file(), core.fileSize(), core.segments());
        } catch (LinkageError e) {
            return new CoreAccess(core, CoreMemory.of(core, moduleFiles), null);
        }
        return new CoreAccess(core, CoreMemory.of(core, moduleFiles, mapping.windows()), mapping);
    }

    /** A scanner with {@code threads} threads per scan, over the shared mapping when there is one. */
    NativeCoreScanner scanner(int threads) throws IOException {
        return mapping != null ? mapping.scanner(threads)
                : NativeCoreScanner.open(core.file(), core.fileSize(), core.segments(), threads);
    }
}

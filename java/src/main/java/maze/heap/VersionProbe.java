package maze.heap;

import java.nio.file.Path;
import java.util.List;
import maze.core.CoreModel;

/**
 * An optional capability of an allocator plugin: its version can also be asked by loading the
 * library in a child process and calling an exported {@code int f(void)} (only behind
 * {@code maze info --dlopen-probe}; by default nothing of the process is ever run).
 */
public interface VersionProbe {
    /** The allocator's name, as its plugin gives it. */
    String name();

    /** The exported function returning the version number, e.g. "mi_version". */
    String versionFunction();

    /** The files to try, in order; may include executables, which the probe skips by itself. */
    List<Path> probeCandidates(CoreModel core);

    /** The version {@code raw} stands for, or null when it is no version of this allocator. */
    Version decode(int raw);
}

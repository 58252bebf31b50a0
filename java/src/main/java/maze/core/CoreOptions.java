package maze.core;

import java.nio.file.Path;

/**
 * How to find the files behind a core: {@code exe} overrides the executable, {@code sysroot}
 * prefixes every module path (as gdb's "set sysroot"). Either may be null.
 */
public record CoreOptions(Path exe, Path sysroot) {
    public static final CoreOptions NONE = new CoreOptions(null, null);
}

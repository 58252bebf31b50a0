package maze.app;

import java.nio.file.Path;

/**
 * What {@code maze info} was asked: the core, optional --exe and --sysroot, the output form, and
 * whether the dlopen probe may run (it loads libraries, so only when asked).
 */
public record InfoRequest(Path core, Path exe, Path sysroot, boolean json, boolean dlopenProbe) {
}

package maze.app;

import java.nio.file.Path;

/** What {@code maze info} was asked: the core, optional --exe and --sysroot, and the output form. */
public record InfoRequest(Path core, Path exe, Path sysroot, boolean json) {
}

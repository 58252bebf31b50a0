package maze.heap;

import maze.core.Module;

/** An allocator found in the core: which module holds it and its version (e.g. "2.36"). */
public record Detection(String allocator, String version, Module module) {
}

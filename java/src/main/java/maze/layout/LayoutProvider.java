package maze.layout;

import maze.core.Module;

/** Gives the layouts and symbols of a module, from the on-disk cache or else from its DWARF. */
public interface LayoutProvider {
    LayoutSource forModule(Module module, LayoutRequest request);
}

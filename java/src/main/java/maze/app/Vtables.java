package maze.app;

import maze.classify.Demangler;
import maze.classify.ModuleVtables;
import maze.classify.UnnamedModules;
import maze.classify.VtableIndex;
import maze.core.CoreModel;
import maze.core.DebugFiles;
import maze.heap.Warnings;

/**
 * The vtable index of a core (every module's symbols, from every source) and the modules whose
 * vtables cannot be named, whose would-be vtable pointers are counted for a warning.
 */
record Vtables(VtableIndex index, UnnamedModules unnamed) {

    static Vtables read(CoreModel core, DebugFiles debugFiles, Warnings warnings) {
        ModuleVtables modules = ModuleVtables.read(core, debugFiles, w -> warnings.note("%s", w));
        VtableIndex index = VtableIndex.build(modules.symbols(), new Demangler(), warnings::add);
        return new Vtables(index, modules.unnamed());
    }

    /** One warning per module whose missing symbols cost blocks their type, with the count. */
    void reportUnnamed(Warnings warnings) {
        unnamed.warnings().forEach(w -> warnings.note("%s", w));
    }
}

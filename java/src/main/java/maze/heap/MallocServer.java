package maze.heap;

import java.util.Optional;
import maze.core.CoreModel;
import maze.core.Module;

/**
 * Which module the process's calls to malloc reach: the first in the dynamic linker's lookup order
 * (the executable, then the libraries in link_map order, preloaded ones first) that exports a
 * defined {@code malloc}. A statically linked executable defines it in its .symtab.
 */
public final class MallocServer {
    private MallocServer() {
    }

    public static Optional<Module> find(CoreModel core) {
        for (Module m : core.modules()) {
            Boolean defines = ModuleEvidence.ask(m, elf -> elf.export("malloc") != null);
            if (Boolean.TRUE.equals(defines)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}

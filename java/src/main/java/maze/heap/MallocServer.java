package maze.heap;

import java.util.Optional;
import java.util.function.Function;
import maze.core.ElfFile;
import maze.core.Module;

/**
 * Which module the process's calls to malloc reach: the first in the dynamic linker's lookup order
 * (the executable, then the libraries in link_map order, preloaded ones first) that exports a
 * defined {@code malloc}. A statically linked executable defines it in its .symtab, or, stripped,
 * in its separate debug file's.
 */
public final class MallocServer {
    private MallocServer() {
    }

    public static Optional<Module> find(HeapContext ctx) {
        for (Module m : ctx.core().modules()) {
            Function<ElfFile, Boolean> definesMalloc = elf -> elf.export("malloc") != null ? Boolean.TRUE : null;
            // only a static executable's debug file is asked: a dynamic program's malloc is exported,
            // and loading every debug file's symbols would cost more than it tells
            Boolean defines = ModuleEvidence.staticExecutable(m) ? ModuleEvidence.askSymbols(ctx, m, definesMalloc)
                    : ModuleEvidence.ask(m, definesMalloc);
            if (Boolean.TRUE.equals(defines)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

}

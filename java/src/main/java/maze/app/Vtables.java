package maze.app;

import java.util.ArrayList;
import java.util.List;
import maze.classify.Demangler;
import maze.classify.VtableIndex;
import maze.classify.VtableSymbol;
import maze.core.CoreFormatException;
import maze.core.CoreModel;
import maze.core.ElfFile;
import maze.core.Module;
import maze.heap.Warnings;

/** Builds the vtable index from the _ZTV symbols of every module whose file is at hand. */
final class Vtables {
    private Vtables() {
    }

    static VtableIndex index(CoreModel core, Warnings warnings) {
        List<VtableSymbol> symbols = new ArrayList<>();
        for (Module m : core.modules()) {
            if (m.localFile() == null) {
                continue;
            }
            if (!m.fileMatches()) {
                warnings.add("%s: the file here is not the one the process ran (build-id differs); its C++ types not named",
                        m.localFile());
                continue;
            }
            try (ElfFile elf = ElfFile.open(m.localFile())) {
                elf.forEachSymbol("_ZTV", s -> {
                    if (s.defined() && s.size() > 0) {
                        symbols.add(new VtableSymbol(s.name(), s.value() + m.loadBias(), s.size(), m.executable()));
                    }
                });
            } catch (CoreFormatException e) {
                warnings.add("C++ types of %s not named: %s", m.path(), e.getMessage());
            }
        }
        return VtableIndex.build(symbols, new Demangler(), warnings::add);
    }
}

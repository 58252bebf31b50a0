package maze.app;

import java.util.ArrayList;
import java.util.List;
import maze.classify.Demangler;
import maze.classify.UnnamedModules;
import maze.classify.VtableIndex;
import maze.classify.VtableSymbol;
import maze.core.CoreFormatException;
import maze.core.CoreModel;
import maze.core.ElfFile;
import maze.core.MappedFile;
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
                continue;
            }
            try (ElfFile elf = ElfFile.open(m.localFile())) {
                elf.forEachSymbol("_ZTV", s -> {
                    if (s.defined() && s.size() > 0) {
                        symbols.add(new VtableSymbol(s.name(), s.value() + m.loadBias(), s.size(), m.executable()));
                    }
                });
            } catch (CoreFormatException e) {
                warnings.note("C++ types of %s not named: %s", m.path(), e.getMessage());
            }
        }
        return VtableIndex.build(symbols, new Demangler(), warnings::add);
    }

    /**
     * The read-only file-backed ranges of modules whose symbols are not here (no file, or another
     * build): blocks pointing there are objects whose types cannot be named.
     */
    static UnnamedModules unnamed(CoreModel core) {
        List<UnnamedModules.Range> ranges = new ArrayList<>();
        for (Module m : core.modules()) {
            if (m.fileMatches()) {
                continue;
            }
            for (MappedFile f : core.files()) {
                if (f.path().equals(m.path()) && !writable(core, f.start())) {
                    ranges.add(new UnnamedModules.Range(f.start(), f.end(), m.path()));
                }
            }
        }
        return new UnnamedModules(ranges);
    }

    private static boolean writable(CoreModel core, long address) {
        return core.segments().stream().anyMatch(s -> s.contains(address) && s.writable());
    }

    /** One warning per module whose missing symbols cost blocks their type, with the count. */
    static void reportUnnamed(CoreModel core, UnnamedModules unnamed, Warnings warnings) {
        unnamed.forEachCounted((path, blocks) -> {
            Module m = core.modules().stream().filter(x -> x.path().equals(path)).findFirst().orElseThrow();
            String why = m.localFile() == null ? "its file is not here (pass --exe or --sysroot)"
                    : m.localFile() + " is not the file the process ran (build-id differs)";
            warnings.note("%d blocks start with a pointer into %s, probably a vtable, but %s: their C++ types are"
                    + " not named (listed as malloc(N))", blocks, path, why);
        });
    }
}

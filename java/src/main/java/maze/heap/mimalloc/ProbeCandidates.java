package maze.heap.mimalloc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import maze.core.CoreModel;
import maze.core.ElfFile;
import maze.core.ElfSymbol;
import maze.core.Module;

/**
 * The files the dlopen probe tries, in the core's module order: any module whose exports or whose
 * name suggest mimalloc. The name rule deliberately admits executables (a test program called
 * "mimalloc-test"): the probe must meet them and skip them, not be kept from seeing them.
 */
final class ProbeCandidates {
    private static final List<String> EXPORTS = List.of("mi_version", "mi_malloc");

    private ProbeCandidates() {
    }

    static List<Path> of(CoreModel core) {
        List<Path> files = new ArrayList<>();
        for (Module m : core.modules()) {
            if (m.localFile() != null && (named(m.path()) || named(m.localFile().toString())
                    || exports(m.localFile()))) {
                files.add(m.localFile());
            }
        }
        return files;
    }

    /** The core's path or the local file (--exe may name another): either name counts. */
    private static boolean named(String path) {
        return Path.of(path).getFileName().toString().toLowerCase(Locale.ROOT).contains("mimalloc");
    }

    private static boolean exports(Path file) {
        try (ElfFile elf = ElfFile.open(file)) {
            for (String name : EXPORTS) {
                ElfSymbol s = elf.findSymbol(name);
                if (s != null && s.defined()) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false; // unreadable here: static detection reports it, the probe has nothing to load
        }
    }
}

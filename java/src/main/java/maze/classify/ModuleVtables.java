package maze.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import maze.core.CoreFormatException;
import maze.core.CoreModel;
import maze.core.DebugFiles;
import maze.core.ElfFile;
import maze.core.MappedFile;
import maze.core.Module;
import maze.core.SectionHeader;

/**
 * The vtable symbols of every module, from every source gdb would use: the module's .symtab, the
 * .symtab of its separate debug file (by build-id, then .gnu_debuglink: {@link DebugFiles}; a debug
 * file's symbols have the module's link-time addresses, so the module's load bias applies), and
 * .dynsym. A module left without a full symbol table (file missing, another build, or stripped
 * with no debug file) gives its read-only data ranges to {@link UnnamedModules}, with the reason.
 * Only ELF files are read; nothing is loaded or run.
 */
public final class ModuleVtables {
    private static final String VTABLE = "_ZTV";
    private static final long SHF_ALLOC = 2;

    /**
     * The symbol tables found for one module: its own .symtab, the debug file whose .symtab was
     * read (or null), its .dynsym.
     */
    public record Symbols(boolean symtab, Path debugFile, boolean dynsym) {
        /** The best source: "symtab", "debug_file", "dynsym" or "none". */
        public String best() {
            return symtab ? "symtab" : debugFile != null ? "debug_file" : dynsym ? "dynsym" : "none";
        }
    }

    private final Map<String, Symbols> byModule = new LinkedHashMap<>();
    private final List<VtableSymbol> symbols = new ArrayList<>();
    private final List<UnnamedModules.Range> unnamed = new ArrayList<>();
    private final CoreModel core;
    private final DebugFiles debugFiles;
    private final Consumer<String> note;

    private ModuleVtables(CoreModel core, DebugFiles debugFiles, Consumer<String> note) {
        this.core = core;
        this.debugFiles = debugFiles;
        this.note = note;
    }

    /** Reads every module of {@code core}; files that cannot be read become notes. */
    public static ModuleVtables read(CoreModel core, DebugFiles debugFiles, Consumer<String> note) {
        ModuleVtables v = new ModuleVtables(core, debugFiles, note);
        core.modules().forEach(v::read);
        return v;
    }

    public List<VtableSymbol> symbols() {
        return List.copyOf(symbols);
    }

    /** Module path -> the symbol tables found for it (a module whose file could not be read has none). */
    public Map<String, Symbols> symbolsByModule() {
        return java.util.Collections.unmodifiableMap(byModule);
    }

    /** The modules whose vtables cannot be named, for counting the blocks that point there. */
    public UnnamedModules unnamed() {
        return new UnnamedModules(unnamed);
    }

    /** What the module's own file says (all false / null without a matching file). */
    private record FileFacts(boolean symtab, boolean dynsym, boolean mayHoldVtables, String debugLink,
                             List<UnnamedModules.Range> readOnly) {
        static final FileFacts NONE = new FileFacts(false, false, true, null, null);
    }

    private void read(Module m) {
        FileFacts own = m.fileMatches() ? readModuleFile(m) : FileFacts.NONE;
        if (own == null) {
            return;
        }
        Path file = m.fileMatches() ? m.localFile() : null;
        Path debug = debugFiles.find(file, m.buildId(), own.debugLink());
        if (debug != null && !readDebugFile(debug, m)) {
            debug = null;
        }
        byModule.put(m.path(), new Symbols(own.symtab(), debug, own.dynsym()));
        if (!own.symtab() && debug == null && own.mayHoldVtables()) {
            String why = why(m) + lookedIn(file, m.buildId(), own.debugLink());
            for (UnnamedModules.Range r : own.readOnly() != null ? own.readOnly() : mappedReadOnly(m)) {
                unnamed.add(new UnnamedModules.Range(r.start(), r.end(), m.path(), why));
            }
        }
    }

    /**
     * Adds the module file's vtables and says what else it holds; null when it cannot be read.
     * A module whose .dynsym mentions no _ZT symbol (defined or imported) is C and holds no
     * vtables: pointers into its read-only data are strings and tables, not lost names.
     */
    private FileFacts readModuleFile(Module m) {
        try (ElfFile elf = ElfFile.open(m.localFile())) {
            addSymbols(elf, m, VtableSource.MODULE_SYMTAB);
            boolean dynsym = elf.section(".dynsym") != null;
            return new FileFacts(elf.hasSymtab(), dynsym, !dynsym || !elf.symbols("_ZT").isEmpty(), elf.debugLink(),
                    readOnlyData(elf, m));
        } catch (CoreFormatException e) {
            note.accept("C++ types of " + m.path() + " not named: " + e.getMessage());
            return null;
        }
    }

    /**
     * Adds the module's vtables: .symtab ones as {@code symtabSource}, .dynsym ones as
     * {@link VtableSource#DYNSYM}. Imports (undefined) and sizeless symbols name nothing.
     */
    private void addSymbols(ElfFile elf, Module m, VtableSource symtabSource) {
        elf.forEachSymbol(VTABLE, s -> {
            if (s.defined() && s.size() > 0) {
                VtableSource source = s.dynamic() ? VtableSource.DYNSYM : symtabSource;
                symbols.add(new VtableSymbol(s.name(), s.value() + m.loadBias(), s.size(), m.executable(), source));
            }
        });
    }

    /** True when the debug file had a .symtab (its .dynsym, if any, holds no data and is skipped). */
    private boolean readDebugFile(Path debug, Module m) {
        try (ElfFile elf = ElfFile.open(debug)) {
            if (!elf.hasSymtab()) {
                return false;
            }
            elf.forEachSymbol(VTABLE, s -> {
                if (!s.dynamic() && s.defined() && s.size() > 0) {
                    symbols.add(new VtableSymbol(s.name(), s.value() + m.loadBias(), s.size(), m.executable(),
                            VtableSource.DEBUG_FILE));
                }
            });
            return true;
        } catch (CoreFormatException e) {
            note.accept("debug file of " + m.path() + " not read: " + e.getMessage());
            return false;
        }
    }

    private static String why(Module m) {
        if (m.localFile() == null) {
            return "its file is not here (pass --exe or --sysroot)";
        }
        if (!m.fileMatches()) {
            return m.localFile() + " is not the file the process ran (build-id differs)";
        }
        return "the module is present but stripped and no debug file was found";
    }

    private String lookedIn(Path file, String buildId, String debugLink) {
        List<Path> places = debugFiles.candidates(file, buildId, debugLink);
        if (places.isEmpty()) {
            return file == null ? "" : " (it has no build-id and no .gnu_debuglink to look for one)";
        }
        return "; looked in: " + String.join(", ", places.stream().map(Path::toString).toList())
                + " (pass --debug-file-directory DIR or install its debug package)";
    }

    /** Where vtables live in a file: .rodata (non-PIC code) and .data.rel.ro (PIC), at run-time addresses. */
    private static List<UnnamedModules.Range> readOnlyData(ElfFile elf, Module m) {
        List<UnnamedModules.Range> ranges = new ArrayList<>();
        for (SectionHeader s : elf.sections()) {
            boolean vtableSection = s.name().startsWith(".rodata") || s.name().startsWith(".data.rel.ro");
            if (vtableSection && (s.flags() & SHF_ALLOC) != 0 && s.addr() != 0 && s.size() > 0) {
                ranges.add(new UnnamedModules.Range(s.addr() + m.loadBias(), s.addr() + m.loadBias() + s.size(),
                        m.path()));
            }
        }
        return ranges;
    }

    /** Without the file, its mappings the core shows read-only stand for its read-only data. */
    private List<UnnamedModules.Range> mappedReadOnly(Module m) {
        List<UnnamedModules.Range> ranges = new ArrayList<>();
        for (MappedFile f : core.files()) {
            if (f.path().equals(m.path()) && core.segments().stream().noneMatch(s -> s.contains(f.start()) && s.writable())) {
                ranges.add(new UnnamedModules.Range(f.start(), f.end(), m.path()));
            }
        }
        return ranges;
    }
}

package maze.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** The modules whose vtables cannot be named, for counting the blocks that point there. */
    public UnnamedModules unnamed() {
        return new UnnamedModules(unnamed);
    }

    private void read(Module m) {
        boolean present = m.fileMatches();
        boolean full = false;
        boolean mayHoldVtables = true;
        String debugLink = null;
        List<UnnamedModules.Range> readOnly = null;
        if (present) {
            try (ElfFile elf = ElfFile.open(m.localFile())) {
                addSymbols(elf, m, VtableSource.MODULE_SYMTAB);
                full = elf.hasSymtab();
                debugLink = elf.debugLink();
                mayHoldVtables = elf.section(".dynsym") == null || !elf.symbols("_ZT").isEmpty();
                readOnly = readOnlyData(elf, m);
            } catch (CoreFormatException e) {
                note.accept("C++ types of " + m.path() + " not named: " + e.getMessage());
                return;
            }
        }
        Path file = present ? m.localFile() : null;
        Path debug = debugFiles.find(file, m.buildId(), debugLink);
        if (debug != null) {
            full |= readDebugFile(debug, m);
        }
        if (!full && mayHoldVtables) {
            String why = why(m) + lookedIn(file, m.buildId(), debugLink);
            for (UnnamedModules.Range r : readOnly != null ? readOnly : mappedReadOnly(m)) {
                unnamed.add(new UnnamedModules.Range(r.start(), r.end(), m.path(), why));
            }
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

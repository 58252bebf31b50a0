package maze.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An ELF64 x86-64 file on disk (executable, shared library or separate debug file): headers,
 * sections, dynamic section, build-id, .gnu_debuglink and symbols. Not thread-safe for opening;
 * reads after {@link #open} only touch immutable buffers. Close it to release the file.
 */
public final class ElfFile implements AutoCloseable {
    private final FileBytes bytes;
    private final ElfHeader header;
    private final List<ProgramHeader> programHeaders;
    private final List<SectionHeader> sections;
    private SymbolTable symtab;
    private SymbolTable dynsym;
    private boolean symbolsLoaded;

    private ElfFile(FileBytes bytes) {
        this.bytes = bytes;
        this.header = ElfHeader.parse(bytes.read(0, Math.min(bytes.size(), ElfHeader.SIZE), "ELF header"),
                bytes.path());
        this.programHeaders = ProgramHeader.parseAll(
                bytes.read(header.phoff(), (long) header.phnum() * ElfHeader.PHDR_SIZE, "program headers"),
                header.phnum());
        this.sections = SectionTable.read(bytes, header);
    }

    /** Opens {@code file}; a missing, non-ELF, non-x86-64 or truncated file is a {@link CoreFormatException}. */
    public static ElfFile open(Path file) {
        FileBytes b = FileBytes.open(file);
        try {
            return new ElfFile(b);
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
    }

    public Path path() {
        return bytes.path();
    }

    /** ET_EXEC (2), ET_DYN (3) or ET_CORE (4). */
    public int type() {
        return header.type();
    }

    public List<ProgramHeader> programHeaders() {
        return programHeaders;
    }

    public List<SectionHeader> sections() {
        return sections;
    }

    /** The first section called {@code name}, or null. */
    public SectionHeader section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** The bytes of a section (empty for SHT_NOBITS), little-endian, position 0. */
    public ByteBuffer sectionData(SectionHeader s) {
        return bytes.read(s.offset(), s.hasData() ? s.size() : 0, "section " + s.name());
    }

    /** The dynamic section's entries up to DT_NULL (empty for a static or debug-only file). */
    public List<DynamicEntry> dynamic() {
        List<DynamicEntry> list = new ArrayList<>();
        for (ProgramHeader ph : programHeaders) {
            if (ph.type() == ProgramHeader.PT_DYNAMIC && ph.fileSize() > 0) {
                ByteBuffer b = bytes.read(ph.offset(), ph.fileSize(), "PT_DYNAMIC");
                for (int o = 0; o + 16 <= b.limit() && b.getLong(o) != DynamicEntry.DT_NULL; o += 16) {
                    list.add(new DynamicEntry(b.getLong(o), b.getLong(o + 8)));
                }
            }
        }
        return list;
    }

    /** The GNU build-id as lower-case hex, or null when the file has none. */
    public String buildId() {
        for (SectionHeader s : sections) {
            if (s.type() == SectionHeader.SHT_NOTE && s.hasData()) {
                String id = ElfNote.buildId(ElfNote.parse(sectionData(s), s.addralign() == 8 ? 8 : 4, path()));
                if (id != null) {
                    return id;
                }
            }
        }
        for (ProgramHeader ph : programHeaders) {
            if (ph.type() == ProgramHeader.PT_NOTE && ph.fileSize() > 0) {
                ByteBuffer b = bytes.read(ph.offset(), ph.fileSize(), "PT_NOTE");
                String id = ElfNote.buildId(ElfNote.parse(b, ph.align() == 8 ? 8 : 4, path()));
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    /** The file name in .gnu_debuglink (without its CRC), or null. */
    public String debugLink() {
        SectionHeader s = section(".gnu_debuglink");
        if (s == null || !s.hasData()) {
            return null;
        }
        ByteBuffer b = sectionData(s);
        String name = ElfNote.cString(b, 0, b.limit());
        return name.isEmpty() ? null : name;
    }

    /** True when the file has a .symtab (it is not stripped, or it is a debug file). */
    public boolean hasSymtab() {
        loadSymbols();
        return symtab != null;
    }

    /**
     * Calls {@code action} for each symbol whose name starts with {@code prefix} ("" for all):
     * .symtab first, then .dynsym (a symbol in both is seen twice; {@link ElfSymbol#dynamic} tells).
     */
    public void forEachSymbol(String prefix, Consumer<ElfSymbol> action) {
        loadSymbols();
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        for (SymbolTable t : tables()) {
            t.forEach(p, action);
        }
    }

    /** The symbols whose name starts with {@code prefix}, e.g. every "_ZTV" vtable. */
    public List<ElfSymbol> symbols(String prefix) {
        List<ElfSymbol> list = new ArrayList<>();
        forEachSymbol(prefix, list::add);
        return list;
    }

    /** Up to {@code max} bytes of the file's section data at link-time address {@code vaddr}; empty when none holds it. */
    public byte[] bytesAt(long vaddr, int max) {
        for (SectionHeader s : sections) {
            if (s.addr() != 0 && s.hasData() && vaddr >= s.addr() && vaddr < s.addr() + s.size()) {
                ByteBuffer b = sectionData(s);
                int from = (int) (vaddr - s.addr());
                byte[] out = new byte[Math.min(max, b.limit() - from)];
                b.get(from, out);
                return out;
            }
        }
        return new byte[0];
    }

    /**
     * A defined symbol named {@code name} that other objects could link against: in .dynsym, or
     * global in .symtab (an executable linked statically exports nothing dynamically). Hidden and
     * local symbols do not count: any library may have a static helper of that name.
     */
    public ElfSymbol export(String name) {
        ElfSymbol[] found = new ElfSymbol[1];
        forEachSymbol(name, s -> {
            boolean visible = s.dynamic() || s.binding() == ElfSymbol.STB_GLOBAL;
            if (visible && s.defined() && s.name().equals(name) && found[0] == null) {
                found[0] = s;
            }
        });
        return found[0];
    }

    /** The defined symbol named exactly {@code name} (.symtab preferred, so hidden ones too), or null. */
    public ElfSymbol findSymbol(String name) {
        loadSymbols();
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        for (SymbolTable t : tables()) {
            ElfSymbol s = t.find(n);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private List<SymbolTable> tables() {
        List<SymbolTable> list = new ArrayList<>(2);
        if (symtab != null) {
            list.add(symtab);
        }
        if (dynsym != null) {
            list.add(dynsym);
        }
        return list;
    }

    private synchronized void loadSymbols() {
        if (symbolsLoaded) {
            return;
        }
        for (SectionHeader s : sections) {
            boolean dyn = s.type() == SectionHeader.SHT_DYNSYM;
            if ((dyn || s.type() == SectionHeader.SHT_SYMTAB) && s.hasData() && s.link() >= 0
                    && s.link() < sections.size()) {
                SymbolTable t = new SymbolTable(sectionData(s), sectionData(sections.get(s.link())), dyn);
                if (dyn) {
                    dynsym = t;
                } else {
                    symtab = t;
                }
            }
        }
        symbolsLoaded = true;
    }

    @Override
    public void close() {
        bytes.close();
    }
}

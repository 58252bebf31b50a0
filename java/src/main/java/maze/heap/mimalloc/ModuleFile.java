package maze.heap.mimalloc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import maze.core.ElfFile;
import maze.core.ElfSymbol;
import maze.core.Module;
import maze.core.ProgramHeader;
import maze.core.SectionHeader;

/**
 * What the mimalloc plugin reads from a module's file on disk: exported symbols, code bytes at a
 * link-time address, and the GOT slots the dynamic linker filled with thread-pointer offsets.
 * Wraps an open {@link ElfFile}; close it when done.
 */
final class ModuleFile implements AutoCloseable {
    private static final int R_X86_64_TPOFF64 = 18;
    private static final int RELA_ENTRY = 24;

    private final ElfFile elf;

    ModuleFile(ElfFile elf) {
        this.elf = elf;
    }

    /**
     * A defined symbol other objects could link against: in .dynsym, or global in .symtab (an
     * executable with mimalloc linked in exports nothing dynamically). Hidden and local symbols do
     * not count: any library may have a static helper called mi_malloc.
     */
    ElfSymbol export(String name) {
        ElfSymbol[] found = new ElfSymbol[1];
        elf.forEachSymbol(name, s -> {
            boolean visible = s.dynamic() || s.binding() == ElfSymbol.STB_GLOBAL;
            if (visible && s.defined() && s.name().equals(name) && found[0] == null) {
                found[0] = s;
            }
        });
        return found[0];
    }

    /** The file defines {@code name}, of any binding (a local symbol of .symtab counts). */
    boolean defines(String name) {
        return definedAddress(name) != 0;
    }

    /** Link-time address of {@code name} of any binding, 0 when the file does not define it. */
    long definedAddress(String name) {
        long[] found = new long[1];
        elf.forEachSymbol(name, s -> {
            if (s.defined() && s.name().equals(name) && found[0] == 0) {
                found[0] = s.value();
            }
        });
        return found[0];
    }

    /**
     * Offset from the thread pointer of the executable's TLS variable at {@code offset} in its block:
     * x86-64 TLS variant II puts the executable's block right below the thread pointer, at
     * -round_up(PT_TLS memsz, align). {@link HeapTls#UNKNOWN} without PT_TLS.
     */
    long executableTpoff(long offset) {
        for (ProgramHeader ph : elf.programHeaders()) {
            if (ph.type() == ProgramHeader.PT_TLS) {
                long align = Math.max(1, ph.align());
                return offset - (ph.memSize() + align - 1) / align * align;
            }
        }
        return HeapTls.UNKNOWN;
    }

    /** Size in 8-byte words of {@code symbol} by a module's own file; 0 without one (or without the symbol). */
    static int symbolWords(Module mod, String symbol) {
        if (mod.localFile() != null) {
            try (ModuleFile file = new ModuleFile(ElfFile.open(mod.localFile()))) {
                return (int) (file.symbolSize(symbol) / 8);
            } catch (RuntimeException e) {
                // unreadable file: the caller falls back to what the version says
            }
        }
        return 0;
    }

    /** Size in bytes of a symbol of the file's own tables (hidden ones too), 0 when unknown. */
    long symbolSize(String name) {
        ElfSymbol sym = elf.findSymbol(name);
        return sym == null ? 0 : sym.size();
    }

    String buildId() {
        return elf.buildId();
    }

    boolean hasSymtab() {
        return elf.hasSymtab();
    }

    /** Up to {@code max} bytes at link-time address {@code vaddr}, from the section holding it. */
    byte[] bytesAt(long vaddr, int max) {
        return elf.bytesAt(vaddr, max);
    }

    /**
     * Link-time addresses of GOT slots relocated by R_X86_64_TPOFF64 against no symbol with
     * {@code addend}: a hidden TLS variable at that offset of the module's TLS block. In a core the
     * slot holds the variable's offset from the thread pointer.
     */
    List<Long> tpoffSlots(long addend) {
        List<Long> slots = new ArrayList<>();
        for (SectionHeader s : elf.sections()) {
            if (!s.name().startsWith(".rela") || !s.hasData()) {
                continue;
            }
            ByteBuffer b = elf.sectionData(s);
            for (int o = 0; o + RELA_ENTRY <= b.limit(); o += RELA_ENTRY) {
                long info = b.getLong(o + 8);
                if ((int) info == R_X86_64_TPOFF64 && (info >>> 32) == 0 && b.getLong(o + 16) == addend) {
                    slots.add(b.getLong(o));
                }
            }
        }
        return slots;
    }

    @Override
    public void close() {
        elf.close();
    }
}

package maze.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import maze.classify.Demangler;
import maze.core.CoreFormatException;
import maze.core.ElfFile;
import maze.core.ElfSymbol;
import maze.core.Module;

/**
 * Names an address in a module's data by the data symbol covering it ("g_registry+0x8"), from the
 * module file's .symtab, else .dynsym, C++ names demangled ("registry::shared"). A module's symbols
 * are read (and demangled, one c++filt run) on first use only: naming is for what a person reads,
 * never per block.
 */
public final class SymbolNames {
    private final Map<String, Module> modules = new HashMap<>();
    private final Map<String, Table> tables = new HashMap<>();
    private final Map<String, Table> tlsTables = new HashMap<>();

    /** The data symbols of one module, sorted by runtime address. */
    private record Table(long[] starts, long[] ends, String[] names) {
    }

    public SymbolNames(List<Module> modules) {
        modules.forEach(m -> this.modules.put(m.path(), m));
    }

    /** "name+0xOFF" for the symbol of {@code modulePath} covering {@code address}, or null. */
    public String name(String modulePath, long address) {
        return lookup(tables.computeIfAbsent(modulePath, p -> load(p, false)), address);
    }

    /** "name+0xOFF" for the thread-local variable at {@code offset} in the module's TLS block, or null. */
    public String tlsName(String modulePath, long offset) {
        return lookup(tlsTables.computeIfAbsent(modulePath, p -> load(p, true)), offset);
    }

    private static String lookup(Table t, long address) {
        int i = Arrays.binarySearch(t.starts, address);
        i = i >= 0 ? i : -i - 2;
        // symbols may nest (a struct and its members): look back a little for one that covers
        for (int k = i; k >= 0 && k > i - 8; k--) {
            if (address < t.ends[k]) {
                long off = address - t.starts[k];
                return off == 0 ? t.names[k] : t.names[k] + "+0x" + Long.toHexString(off);
            }
        }
        return null;
    }

    /** The module's data symbols at runtime addresses, or (tls) its thread-local ones at block offsets. */
    private Table load(String path, boolean tls) {
        Module m = modules.get(path);
        List<ElfSymbol> syms = new ArrayList<>();
        if (m != null && m.fileMatches()) {
            try (ElfFile elf = ElfFile.open(m.localFile())) {
                elf.forEachSymbol("", s -> {
                    boolean data = s.type() == ElfSymbol.STT_OBJECT || s.type() == ElfSymbol.STT_NOTYPE;
                    if (s.defined() && s.size() > 0 && (tls ? s.type() == ElfSymbol.STT_TLS : data)) {
                        syms.add(s);
                    }
                });
            } catch (CoreFormatException e) {
                // unnamed then: the caller falls back to module+offset
            }
        }
        syms.sort(Comparator.comparingLong(ElfSymbol::value));
        long bias = m == null || tls ? 0 : m.loadBias();
        long[] s = new long[syms.size()];
        long[] e = new long[syms.size()];
        String[] n = new String[syms.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = bias + syms.get(i).value();
            e[i] = s[i] + syms.get(i).size();
            n[i] = syms.get(i).name();
        }
        demangle(n);
        return new Table(s, e, n);
    }

    /** Replaces the mangled C++ names in {@code names} by what c++filt makes of them. */
    private static void demangle(String[] names) {
        List<Integer> at = new ArrayList<>();
        List<String> mangled = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i].startsWith("_Z")) {
                at.add(i);
                mangled.add(names[i]);
            }
        }
        List<String> plain = new Demangler().demangle(mangled);
        for (int k = 0; k < at.size(); k++) {
            names[at.get(k)] = plain.get(k);
        }
    }
}

package maze.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One symbol section (.symtab or .dynsym) with its string table. Names are compared as bytes
 * before any String is made, so filtering a million-symbol table by prefix stays cheap.
 */
final class SymbolTable {
    private static final int ENTRY = 24;

    private final ByteBuffer syms;
    private final ByteBuffer strings;
    private final boolean dynamic;

    SymbolTable(ByteBuffer syms, ByteBuffer strings, boolean dynamic) {
        this.syms = syms;
        this.strings = strings;
        this.dynamic = dynamic;
    }

    int count() {
        return syms.limit() / ENTRY;
    }

    /** Calls {@code action} for every symbol whose name starts with {@code prefix} (empty: all). */
    void forEach(byte[] prefix, Consumer<ElfSymbol> action) {
        int n = count();
        for (int i = 1; i < n; i++) {   // entry 0 is the reserved null symbol
            int nameOff = syms.getInt(i * ENTRY);
            if (startsWith(nameOff, prefix)) {
                action.accept(symbol(i, nameOff));
            }
        }
    }

    /** The first defined symbol named exactly {@code name}, or null. */
    ElfSymbol find(byte[] name) {
        int n = count();
        for (int i = 1; i < n; i++) {
            int nameOff = syms.getInt(i * ENTRY);
            if (startsWith(nameOff, name) && byteAt(nameOff + name.length) == 0
                    && syms.getShort(i * ENTRY + 6) != 0) {
                return symbol(i, nameOff);
            }
        }
        return null;
    }

    private ElfSymbol symbol(int i, int nameOff) {
        int o = i * ENTRY;
        int info = syms.get(o + 4) & 0xff;
        return new ElfSymbol(name(nameOff), syms.getLong(o + 8), syms.getLong(o + 16), info & 0xf, info >>> 4,
                Short.toUnsignedInt(syms.getShort(o + 6)), dynamic);
    }

    private boolean startsWith(int off, byte[] prefix) {
        if (off < 0 || off > strings.limit() - prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (strings.get(off + k) != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** A byte of the string table; 0 past its end, so an unterminated name ends there. */
    private int byteAt(int off) {
        return off >= 0 && off < strings.limit() ? strings.get(off) : 0;
    }

    private String name(int off) {
        if (off < 0 || off >= strings.limit()) {
            return "";
        }
        int end = off;
        while (end < strings.limit() && strings.get(end) != 0) {
            end++;
        }
        byte[] b = new byte[end - off];
        strings.get(off, b);
        return new String(b, StandardCharsets.UTF_8);
    }
}

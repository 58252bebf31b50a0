package maze.core;

/**
 * A symbol from .symtab or .dynsym. {@code value} is the link-time address (add the module's load
 * bias for the runtime address); for STT_TLS symbols it is the offset in the module's TLS block.
 */
public record ElfSymbol(String name, long value, long size, int type, int binding, int sectionIndex,
                        boolean dynamic) {
    public static final int STT_NOTYPE = 0;
    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STT_SECTION = 3;
    public static final int STT_FILE = 4;
    public static final int STT_TLS = 6;
    public static final int STT_GNU_IFUNC = 10;
    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;
    public static final int SHN_UNDEF = 0;

    /** Defined in this file (not an import). */
    public boolean defined() {
        return sectionIndex != SHN_UNDEF;
    }

    public boolean isTls() {
        return type == STT_TLS;
    }
}

package maze.core;

/** One ELF64 section header, its name resolved from .shstrtab. */
public record SectionHeader(int index, String name, int type, long flags, long addr, long offset, long size,
                            int link, int info, long addralign, long entsize) {
    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_DYNAMIC = 6;
    public static final int SHT_NOTE = 7;
    public static final int SHT_NOBITS = 8;
    public static final int SHT_DYNSYM = 11;

    /** True when the section occupies bytes in the file. */
    public boolean hasData() {
        return type != SHT_NOBITS && size > 0;
    }
}

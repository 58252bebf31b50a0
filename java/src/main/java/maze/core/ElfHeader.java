package maze.core;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The ELF64 file header fields maze uses. {@link #parse} accepts only 64-bit little-endian x86-64,
 * the one target maze reads; anything else is a {@link CoreFormatException} that says what it is.
 */
record ElfHeader(int type, long phoff, int phentsize, int phnum, long shoff, int shentsize, int shnum,
                 int shstrndx) {
    static final int SIZE = 64;
    static final int ET_EXEC = 2;
    static final int ET_DYN = 3;
    static final int ET_CORE = 4;
    static final int EM_X86_64 = 62;
    static final int PHDR_SIZE = 56;
    /** e_phnum when the real count does not fit: it is in section header 0's sh_info. */
    static final int PN_XNUM = 0xffff;
    static final int SHDR_SIZE = 64;

    /** True when the first bytes are the ELF magic. */
    static boolean isElf(ByteBuffer b) {
        return b.remaining() >= 4 && b.get(0) == 0x7f && b.get(1) == 'E' && b.get(2) == 'L' && b.get(3) == 'F';
    }

    static ElfHeader parse(ByteBuffer b, Path file) {
        if (!isElf(b)) {
            throw new CoreFormatException(file, "not an ELF file (no ELF magic)");
        }
        if (b.remaining() < SIZE) {
            throw new CoreFormatException(file, "truncated ELF header (" + b.remaining() + " of 64 bytes)");
        }
        if (b.get(4) != 2) {
            throw new CoreFormatException(file, "not a 64-bit ELF (class " + b.get(4) + "); maze reads x86-64 only");
        }
        if (b.get(5) != 1) {
            throw new CoreFormatException(file, "not a little-endian ELF; maze reads x86-64 only");
        }
        int machine = Short.toUnsignedInt(b.getShort(18));
        if (machine != EM_X86_64) {
            throw new CoreFormatException(file, "ELF machine " + machine + " is not x86-64 (62)");
        }
        ElfHeader h = new ElfHeader(Short.toUnsignedInt(b.getShort(16)), b.getLong(32),
                Short.toUnsignedInt(b.getShort(54)), Short.toUnsignedInt(b.getShort(56)), b.getLong(40),
                Short.toUnsignedInt(b.getShort(58)), Short.toUnsignedInt(b.getShort(60)),
                Short.toUnsignedInt(b.getShort(62)));
        h.check(file);
        return h;
    }

    private void check(Path file) {
        if (phnum > 0 && phentsize != PHDR_SIZE) {
            throw new CoreFormatException(file, "program header size " + phentsize + ", expected 56");
        }
        if (shnum > 0 && shentsize != SHDR_SIZE) {
            throw new CoreFormatException(file, "section header size " + shentsize + ", expected 64");
        }
    }
}

package maze.core;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** One ELF64 program header. */
public record ProgramHeader(int type, int flags, long offset, long vaddr, long fileSize, long memSize,
                            long align) {
    public static final int PT_LOAD = 1;
    public static final int PT_DYNAMIC = 2;
    public static final int PT_INTERP = 3;
    public static final int PT_NOTE = 4;
    public static final int PT_PHDR = 6;
    public static final int PT_TLS = 7;

    /** Parses {@code count} consecutive 56-byte headers from {@code b} (position 0). */
    static List<ProgramHeader> parseAll(ByteBuffer b, int count) {
        List<ProgramHeader> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int o = i * ElfHeader.PHDR_SIZE;
            list.add(new ProgramHeader(b.getInt(o), b.getInt(o + 4), b.getLong(o + 8), b.getLong(o + 16),
                    b.getLong(o + 32), b.getLong(o + 40), b.getLong(o + 48)));
        }
        return list;
    }
}

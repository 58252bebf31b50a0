package maze.core;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Reads the section header table and names the sections from .shstrtab. */
final class SectionTable {
    private SectionTable() {
    }

    static List<SectionHeader> read(FileBytes bytes, ElfHeader h) {
        int n = h.shnum();
        if (n == 0 || h.shoff() == 0) {
            return List.of();
        }
        ByteBuffer b = bytes.read(h.shoff(), (long) n * ElfHeader.SHDR_SIZE, "section headers");
        ByteBuffer names = h.shstrndx() < n ? strtab(bytes, b, h.shstrndx()) : ByteBuffer.allocate(0);
        List<SectionHeader> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int o = i * ElfHeader.SHDR_SIZE;
            int nameOff = b.getInt(o);
            String name = nameOff >= 0 && nameOff < names.limit()
                    ? ElfNote.cString(names, nameOff, names.limit() - nameOff) : "";
            list.add(new SectionHeader(i, name, b.getInt(o + 4), b.getLong(o + 8), b.getLong(o + 16),
                    b.getLong(o + 24), b.getLong(o + 32), b.getInt(o + 40), b.getInt(o + 44), b.getLong(o + 48),
                    b.getLong(o + 56)));
        }
        return list;
    }

    private static ByteBuffer strtab(FileBytes bytes, ByteBuffer headers, int index) {
        int o = index * ElfHeader.SHDR_SIZE;
        return bytes.read(headers.getLong(o + 24), headers.getLong(o + 32), ".shstrtab");
    }
}

package maze.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** One ELF note: owner name, type, descriptor bytes (little-endian, position 0). */
public record ElfNote(String name, int type, ByteBuffer desc) {
    public static final int NT_GNU_BUILD_ID = 3;

    /**
     * Parses a note area. {@code align} is 4 for core notes and most files, 8 for PT_NOTE segments
     * with p_align 8 (GNU property notes); a note running past the area is an error naming {@code file}.
     */
    public static List<ElfNote> parse(ByteBuffer area, int align, Path file) {
        ByteBuffer b = area.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int limit = b.limit();
        List<ElfNote> notes = new ArrayList<>();
        int pos = b.position();
        while (limit - pos >= 12) {
            long nameSize = Integer.toUnsignedLong(b.getInt(pos));
            long descSize = Integer.toUnsignedLong(b.getInt(pos + 4));
            int type = b.getInt(pos + 8);
            long nameStart = pos + 12L;
            // offsets (not sizes) are aligned: with 8-byte notes the name's padding depends on it
            long descStart = pad(nameStart + nameSize, align);
            long next = pad(descStart + descSize, align);
            if (descStart + descSize > limit) {
                throw new CoreFormatException(file, String.format(
                        "note at +0x%x (type 0x%x) runs past its area of %d bytes", pos, type, limit));
            }
            String name = cString(b, (int) nameStart, (int) nameSize);
            ByteBuffer desc = b.slice((int) descStart, (int) descSize).order(ByteOrder.LITTLE_ENDIAN);
            notes.add(new ElfNote(name, type, desc));
            pos = (int) Math.min(next, limit);
        }
        return notes;
    }

    private static long pad(long n, int align) {
        return (n + align - 1) & -align;
    }

    /** The bytes up to the first NUL (or all {@code len}) as a string. */
    static String cString(ByteBuffer b, int start, int len) {
        int end = start;
        while (end < start + len && b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        b.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The GNU build-id of a list of notes as lower-case hex, or null. */
    public static String buildId(List<ElfNote> notes) {
        for (ElfNote n : notes) {
            if (n.type == NT_GNU_BUILD_ID && "GNU".equals(n.name) && n.desc.remaining() > 0) {
                byte[] id = new byte[n.desc.remaining()];
                n.desc.get(0, id);
                return HexFormat.of().formatHex(id);
            }
        }
        return null;
    }
}

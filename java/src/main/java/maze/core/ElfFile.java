package maze.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

/**
 * MINIMAL stand-in (branch gdb) for the ELF module reader another developer writes: only the
 * build-id note and .gnu_debuglink of a 64-bit little-endian ELF file. The merge takes theirs.
 */
public final class ElfFile implements AutoCloseable {
    private static final int PT_NOTE = 4;
    private static final int NT_GNU_BUILD_ID = 3;

    private final Path path;
    private final FileChannel ch;
    private final ByteBuffer header;

    private ElfFile(Path path, FileChannel ch, ByteBuffer header) {
        this.path = path;
        this.ch = ch;
        this.header = header;
    }

    public static ElfFile open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ByteBuffer h = read(ch, 0, 64);
            if (h.limit() < 64 || h.getInt(0) != 0x464c457f) {
                throw new CoreFormatException(file, "not an ELF file");
            }
            if (h.get(4) != 2 || h.get(5) != 1) {
                throw new CoreFormatException(file, "only 64-bit little-endian ELF is read");
            }
            return new ElfFile(file, ch, h);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The GNU build-id as lower-case hex, or null when the file has none. */
    public String buildId() throws IOException {
        long phoff = header.getLong(0x20);
        int phentsize = header.getShort(0x36) & 0xffff;
        int phnum = header.getShort(0x38) & 0xffff;
        for (int i = 0; i < phnum; i++) {
            ByteBuffer ph = read(ch, phoff + (long) i * phentsize, 56);
            if (ph.getInt(0) == PT_NOTE) {
                String id = buildIdIn(read(ch, ph.getLong(8), (int) Math.min(ph.getLong(32), 1 << 20)));
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    /** The file name in .gnu_debuglink, or null. */
    public String debugLink() throws IOException {
        long shoff = header.getLong(0x28);
        int shentsize = header.getShort(0x3a) & 0xffff;
        int shnum = header.getShort(0x3c) & 0xffff;
        int shstrndx = header.getShort(0x3e) & 0xffff;
        if (shoff == 0 || shnum == 0 || shstrndx >= shnum) {
            return null;
        }
        ByteBuffer strtab = section(read(ch, shoff + (long) shstrndx * shentsize, 64));
        for (int i = 0; i < shnum; i++) {
            ByteBuffer sh = read(ch, shoff + (long) i * shentsize, 64);
            if (".gnu_debuglink".equals(cString(strtab, sh.getInt(0)))) {
                return cString(section(sh), 0);
            }
        }
        return null;
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }

    private ByteBuffer section(ByteBuffer sh) throws IOException {
        return read(ch, sh.getLong(0x18), (int) Math.min(sh.getLong(0x20), 1 << 20));
    }

    private static String buildIdIn(ByteBuffer notes) {
        int pos = 0;
        while (pos + 12 <= notes.limit()) {
            int namesz = notes.getInt(pos);
            int descsz = notes.getInt(pos + 4);
            int type = notes.getInt(pos + 8);
            int name = pos + 12;
            int desc = name + align4(namesz);
            if (namesz < 0 || descsz < 0 || desc + descsz > notes.limit()) {
                return null;
            }
            if (type == NT_GNU_BUILD_ID && namesz == 4 && "GNU".equals(cString(notes, name))) {
                byte[] id = new byte[descsz];
                notes.get(desc, id);
                return HexFormat.of().formatHex(id);
            }
            pos = desc + align4(descsz);
        }
        return null;
    }

    private static int align4(int n) {
        return (n + 3) & ~3;
    }

    private static String cString(ByteBuffer b, int at) {
        int end = at;
        while (end < b.limit() && b.get(end) != 0) {
            end++;
        }
        byte[] s = new byte[Math.max(0, end - at)];
        b.get(at, s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static ByteBuffer read(FileChannel ch, long offset, int size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Math.max(0, size)).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining() && ch.read(b, offset + b.position()) > 0) {
            // keep reading: a short read is not the end
        }
        return b.flip();
    }
}

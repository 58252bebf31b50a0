package maze.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import maze.core.Segment;

/**
 * Writes an ELF64 core-like file for tests: an ELF header, PT_LOAD program headers, and segment
 * bytes at the file offsets the test chooses (gcore uses 8-aligned, not page-aligned, offsets).
 * A segment may claim bytes past the end of the file, as in a truncated core.
 */
public final class SyntheticCore {
    private static final int EHDR = 64;
    private static final int PHDR = 56;

    private final List<Segment> segments = new ArrayList<>();
    private final List<byte[]> contents = new ArrayList<>();

    /** Adds a segment whose first {@code bytes.length} file bytes (up to fileSize) are {@code bytes}. */
    public SyntheticCore segment(long vaddr, long memSize, long fileOffset, long fileSize, int flags, byte[] bytes) {
        segments.add(new Segment(vaddr, memSize, fileOffset, fileSize, flags));
        contents.add(bytes);
        return this;
    }

    public List<Segment> segments() {
        return List.copyOf(segments);
    }

    /** The file offset right after the program headers: where segment data may start. */
    public static long dataStart(int segmentCount) {
        return EHDR + (long) PHDR * segmentCount;
    }

    /** Writes the file; its length is {@code fileLength} (shorter than the segments say = truncated). */
    public Path write(Path file, long fileLength) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(headers(), 0);
            for (int i = 0; i < segments.size(); i++) {
                byte[] b = contents.get(i);
                Segment s = segments.get(i);
                long room = Math.max(0, fileLength - s.fileOffset());
                int n = (int) Math.min(Math.min(b.length, s.fileSize()), room);
                ch.write(ByteBuffer.wrap(b, 0, n), s.fileOffset());
            }
            ch.truncate(fileLength);
            if (ch.size() < fileLength) {
                ch.write(ByteBuffer.allocate(1), fileLength - 1);
            }
        }
        return file;
    }

    private ByteBuffer headers() {
        ByteBuffer h = ByteBuffer.allocate(EHDR + PHDR * segments.size()).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        h.position(16);
        h.putShort((short) 4).putShort((short) 62).putInt(1);  // ET_CORE, EM_X86_64, EV_CURRENT
        h.putLong(0).putLong(EHDR).putLong(0).putInt(0);       // entry, phoff, shoff, flags
        h.putShort((short) EHDR).putShort((short) PHDR).putShort((short) segments.size());
        h.putShort((short) 64).putShort((short) 0).putShort((short) 0);
        for (Segment s : segments) {
            h.putInt(1).putInt(s.flags()).putLong(s.fileOffset()).putLong(s.vaddr()).putLong(0);
            h.putLong(s.fileSize()).putLong(s.memSize()).putLong(4096);
        }
        return h.flip();
    }

    /** Bytes whose little-endian words are {@code words}. */
    public static byte[] words(long... words) {
        ByteBuffer b = ByteBuffer.allocate(8 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long w : words) {
            b.putLong(w);
        }
        return b.array();
    }
}

package maze.robust;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A core file a test may damage: its PT_LOAD segments (to turn an address into a file offset), and
 * word writes that can be undone. Cores are big and sparse, so one core is damaged in place and
 * restored after each run rather than copied per mutation.
 */
final class CoreImage implements AutoCloseable {
    /** One PT_LOAD with bytes in the file. */
    record Load(long vaddr, long fileOffset, long fileSize, boolean writable) {
    }

    private final Path path;
    private final RandomAccessFile file;
    private final List<Load> loads = new ArrayList<>();

    CoreImage(Path path) throws IOException {
        this.path = path;
        this.file = new RandomAccessFile(path.toFile(), "rw");
        readLoads();
    }

    Path path() {
        return path;
    }

    List<Load> loads() {
        return loads;
    }

    long length() throws IOException {
        return file.length();
    }

    private void readLoads() throws IOException {
        long phoff = readAt(0x20, 8);
        int phentsize = (int) readAt(0x36, 2);
        int phnum = (int) readAt(0x38, 2);
        for (int i = 0; i < phnum; i++) {
            long ph = phoff + (long) i * phentsize;
            if (readAt(ph, 4) == 1 && readAt(ph + 32, 8) > 0) { // PT_LOAD with file bytes
                loads.add(new Load(readAt(ph + 16, 8), readAt(ph + 8, 8), readAt(ph + 32, 8), (readAt(ph + 4, 4) & 2) != 0));
            }
        }
    }

    /** File offsets of every NT_PRSTATUS's fs_base register (x86-64: pr_reg at +112, fs_base its 22nd word). */
    List<Long> fsBaseOffsets() throws IOException {
        List<Long> out = new ArrayList<>();
        long phoff = readAt(0x20, 8);
        int phentsize = (int) readAt(0x36, 2);
        int phnum = (int) readAt(0x38, 2);
        for (int i = 0; i < phnum; i++) {
            long ph = phoff + (long) i * phentsize;
            if (readAt(ph, 4) != 4) { // PT_NOTE
                continue;
            }
            long at = readAt(ph + 8, 8);
            long end = at + readAt(ph + 32, 8);
            while (at + 12 <= end) {
                long namesz = readAt(at, 4) & 0xffffffffL;
                long descsz = readAt(at + 4, 4) & 0xffffffffL;
                long desc = at + 12 + ((namesz + 3) & ~3L);
                if (readAt(at + 8, 4) == 1 && descsz >= 112 + 22 * 8) {
                    out.add(desc + 112 + 21 * 8);
                }
                at = desc + ((descsz + 3) & ~3L);
            }
        }
        return out;
    }

    /** The file offset of the 8 bytes at {@code vaddr}, or -1 when the core does not hold them. */
    long offsetOf(long vaddr) {
        for (Load l : loads) {
            long d = vaddr - l.vaddr();
            if (d >= 0 && d + 8 <= l.fileSize()) {
                return l.fileOffset() + d;
            }
        }
        return -1;
    }

    /** The word at {@code vaddr}, or 0 when the core does not hold it. */
    long word(long vaddr) throws IOException {
        long off = offsetOf(vaddr);
        return off < 0 ? 0 : readAt(off, 8);
    }

    long readAt(long offset, int n) throws IOException {
        byte[] b = new byte[8];
        file.seek(offset);
        file.readFully(b, 0, n);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** Writes a word at a file offset; returns the word that was there. */
    long writeAt(long offset, long value) throws IOException {
        long old = readAt(offset, 8);
        byte[] b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        file.seek(offset);
        file.write(b);
        return old;
    }

    void truncate(long length) throws IOException {
        file.setLength(length);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}

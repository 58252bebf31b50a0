package maze.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import maze.core.CoreFormatException;

/**
 * A read-only file mapped as overlapping windows (a MappedByteBuffer holds less than 2 GiB).
 * Window k starts at k GiB and reaches {@value #OVERLAP} bytes into the next one, so any read of
 * up to OVERLAP bytes lies wholly in the window of its first byte: one shift finds it.
 */
final class MappedWindows {
    static final int STEP_SHIFT = 30;
    static final long STEP = 1L << STEP_SHIFT;
    static final int OVERLAP = 4096;

    private final ByteBuffer[] windows;
    private final long size;

    private MappedWindows(ByteBuffer[] windows, long size) {
        this.windows = windows;
        this.size = size;
    }

    /** Maps the first {@code size} bytes of {@code file} (at most its length). */
    static MappedWindows map(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long mapped = Math.min(size, ch.size());
            ByteBuffer[] windows = new ByteBuffer[(int) ((mapped + STEP - 1) >>> STEP_SHIFT)];
            for (int k = 0; k < windows.length; k++) {
                long start = (long) k << STEP_SHIFT;
                long len = Math.min(STEP + OVERLAP, mapped - start);
                MappedByteBuffer m = mapWindow(file, ch, start, len, mapped);
                windows[k] = m.order(ByteOrder.LITTLE_ENDIAN);
            }
            return new MappedWindows(windows, mapped);
        }
    }

    /** A window; a refused mapping is one line naming the core and the address-space limit. */
    private static MappedByteBuffer mapWindow(Path file, FileChannel ch, long start, long len, long total) throws IOException {
        try {
            return ch.map(FileChannel.MapMode.READ_ONLY, start, len);
        } catch (IOException | OutOfMemoryError e) {
            if (!(e instanceof OutOfMemoryError) && !(e.getCause() instanceof OutOfMemoryError)) {
                throw (IOException) e;
            }
            throw new CoreFormatException(file, "cannot map its " + total + " bytes of segments into memory: "
                    + AddressSpace.limit() + " (raise it with ulimit -v, or analyze on a host with more)");
        }
    }

    long size() {
        return size;
    }

    /** The caller has checked that offset + 8 <= size. */
    long getLong(long offset) {
        return windows[(int) (offset >>> STEP_SHIFT)].getLong((int) (offset & (STEP - 1)));
    }

    int getInt(long offset) {
        return windows[(int) (offset >>> STEP_SHIFT)].getInt((int) (offset & (STEP - 1)));
    }

    /** Copies len bytes at offset; the caller has checked the range lies in the file. */
    void get(long offset, byte[] dst, int dstOffset, int len) {
        while (len > 0) {
            int local = (int) (offset & (STEP - 1));
            ByteBuffer w = windows[(int) (offset >>> STEP_SHIFT)];
            int n = Math.min(len, w.limit() - local);
            w.get(local, dst, dstOffset, n);
            offset += n;
            dstOffset += n;
            len -= n;
        }
    }
}

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
 * Read-only file bytes [origin, size) seen through overlapping windows (a ByteBuffer holds less
 * than 2 GiB). Window k starts at origin + k GiB and reaches {@value #OVERLAP} bytes into the next
 * one, so any read of up to OVERLAP bytes lies wholly in the window of its first byte: one shift
 * finds it. The windows are either Java mappings of their own ({@link #map}) or views of one
 * mapping made elsewhere ({@link #over}: the C helper's, shared with the native scans).
 */
public final class MappedWindows {
    static final int STEP_SHIFT = 30;
    static final long STEP = 1L << STEP_SHIFT;
    static final int OVERLAP = 4096;

    /** A buffer over the file bytes [offset, offset + length) of a mapping made elsewhere. */
    @FunctionalInterface
    public interface Slicer {
        ByteBuffer slice(long offset, int length);
    }

    private final ByteBuffer[] windows;
    private final long origin;
    private final long size;
    /** Whoever unmaps the bytes once unreachable: held so that cannot happen while windows are read. */
    @SuppressWarnings({"unused", "FieldCanBeLocal"})
    private final Object owner;

    private MappedWindows(ByteBuffer[] windows, long origin, long size, Object owner) {
        this.windows = windows;
        this.origin = origin;
        this.size = size;
        this.owner = owner;
    }

    /**
     * Windows over file bytes [origin, end) mapped by {@code owner}, which must keep them mapped
     * as long as it is reachable: these windows hold it.
     */
    public static MappedWindows over(long origin, long end, Slicer slicer, Object owner) {
        long mapped = Math.max(0, end - origin);
        ByteBuffer[] windows = new ByteBuffer[(int) ((mapped + STEP - 1) >>> STEP_SHIFT)];
        for (int k = 0; k < windows.length; k++) {
            long start = (long) k << STEP_SHIFT;
            int len = (int) Math.min(STEP + OVERLAP, mapped - start);
            // read-only like a Java mapping, so every window is the same class at the hot call sites
            windows[k] = slicer.slice(origin + start, len).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        return new MappedWindows(windows, origin, origin + mapped, owner);
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
            return new MappedWindows(windows, 0, mapped, null);
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

    /** The end of the bytes held: file offsets below it (and from {@link #origin} on) can be read. */
    long size() {
        return size;
    }

    /** The first file offset held. */
    long origin() {
        return origin;
    }

    /** The caller has checked that origin <= offset and offset + 8 <= size. */
    long getLong(long offset) {
        long o = offset - origin;
        return windows[(int) (o >>> STEP_SHIFT)].getLong((int) (o & (STEP - 1)));
    }

    int getInt(long offset) {
        long o = offset - origin;
        return windows[(int) (o >>> STEP_SHIFT)].getInt((int) (o & (STEP - 1)));
    }

    /** Copies len bytes at offset; the caller has checked the range lies in [origin, size). */
    void get(long offset, byte[] dst, int dstOffset, int len) {
        offset -= origin;
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

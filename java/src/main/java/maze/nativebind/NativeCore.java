package maze.nativebind;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import maze.memory.CoreAccessException;
import maze.memory.MappedWindows;

/**
 * One core file opened and mapped by the C helper. Unmapped by {@link #close} or, failing that,
 * once unreachable: windows handed out by {@link #windows} hold this object, so Java can never read
 * an unmapped page through them. Not thread-safe to close while in use.
 */
final class NativeCore implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final Map<Integer, String> ERRNO_NAMES = Map.of(
            1, "operation not permitted", 2, "no such file", 12, "out of memory",
            13, "permission denied", 19, "the file cannot be mapped", 21, "is a directory",
            22, "invalid argument", 24, "too many open files");

    private static final int ENOMEM = 12;

    private final Path path;
    private final Cleaner.Cleanable unmap;
    private Pointer handle;

    private NativeCore(Path path, Pointer handle) {
        this.path = path;
        this.handle = handle;
        // the action holds the handle, never this object, or this would never become unreachable
        this.unmap = CLEANER.register(this, () -> MazeScanLibrary.maze_close(handle));
    }

    static NativeCore open(Path path) throws IOException {
        return open(path, 0, Long.MAX_VALUE);
    }

    /** Maps the bytes [from, to) of {@code path} (from rounded down to a page, to at most the file). */
    static NativeCore open(Path path, long from, long to) throws IOException {
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        int[] status = new int[2];
        Pointer h = MazeScanLibrary.maze_open(Arrays.copyOf(name, name.length + 1), from, to, status);
        if (h == null && status[1] == ENOMEM) {
            throw new maze.core.CoreFormatException(path, "cannot map " + (to - from) + " bytes of it: "
                    + maze.memory.AddressSpace.limit() + " (raise it with ulimit -v)");
        }
        if (h == null) {
            throw new IOException("cannot open core " + path + ": "
                    + ERRNO_NAMES.getOrDefault(status[1], "errno " + status[1]));
        }
        return new NativeCore(path, h);
    }

    Path path() {
        return path;
    }

    Pointer handle() {
        if (handle == null) {
            throw new IllegalStateException("core " + path + " is closed");
        }
        return handle;
    }

    /** The end of what is mapped: the size the file had when opened, at most {@code to}. */
    long size() {
        return MazeScanLibrary.maze_file_size(handle());
    }

    /** The first file offset mapped. */
    long origin() {
        return MazeScanLibrary.maze_map_origin(handle());
    }

    /** The mapped bytes as windows for Java reads; they keep this core mapped while reachable. */
    MappedWindows windows() {
        Pointer base = MazeScanLibrary.maze_map_base(handle());
        long origin = origin();
        // nothing mapped (NULL base) means an empty range: no window is cut from it
        return MappedWindows.over(origin, base == null ? origin : size(),
                (offset, length) -> base.getByteBuffer(offset - origin, length), this);
    }

    /** Copies {@code len} bytes at file {@code offset} into {@code dst} from {@code dstOffset}. */
    void read(long offset, byte[] dst, int dstOffset, int len) {
        byte[] buf = dstOffset == 0 ? dst : new byte[len];
        int rc = MazeScanLibrary.maze_read(handle(), offset, buf, len);
        if (rc != MazeScanLibrary.OK) {
            throw new CoreAccessException(String.format("core %s: cannot read %d bytes at file offset"
                    + " 0x%x: %s", path, len, offset, describe(rc)));
        }
        if (buf != dst) {
            System.arraycopy(buf, 0, dst, dstOffset, len);
        }
    }

    static String describe(int rc) {
        switch (rc) {
            case MazeScanLibrary.ERR_RANGE:
                return "outside the file as it was opened";
            case MazeScanLibrary.ERR_TRUNCATED:
                return "the file is shorter now than when it was opened (truncated while in use)";
            case MazeScanLibrary.ERR_ARGUMENT:
                return "invalid argument";
            case MazeScanLibrary.ERR_RESOURCES:
                return "out of memory or threads";
            default:
                return "error " + rc;
        }
    }

    /** Unmaps now; only for an owner that handed out no windows (they would read unmapped pages). */
    @Override
    public void close() {
        if (handle != null) {
            handle = null;
            unmap.clean();
        }
    }
}

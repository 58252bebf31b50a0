package maze.nativebind;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The C helper, bound with JNA direct mapping (no per-call reflection). JNA finds the library in
 * the jar under its platform prefix, linux-x86-64/libmazescan.so. Mirrors native/mazescan.h.
 */
final class MazeScanLibrary {
    static final int ABI_VERSION = 4;

    static final int OK = 0;
    static final int OVERFLOW = 1;
    static final int ERR_ARGUMENT = -1;
    static final int ERR_OPEN = -2;
    static final int ERR_RANGE = -3;
    static final int ERR_TRUNCATED = -4;
    static final int ERR_RESOURCES = -5;

    static final long PRED_MASK = 1;
    static final long PRED_RANGE = 2;

    static {
        Native.register(MazeScanLibrary.class, "mazescan");
        int abi = maze_abi_version();
        if (abi != ABI_VERSION) {
            throw new UnsatisfiedLinkError("libmazescan ABI " + abi + ", expected " + ABI_VERSION);
        }
    }

    private MazeScanLibrary() {
    }

    static native int maze_abi_version();

    static native Pointer maze_open(byte[] path, long from, long to, int[] status);

    static native void maze_close(Pointer core);

    static native long maze_file_size(Pointer core);

    static native long maze_map_origin(Pointer core);

    static native Pointer maze_map_base(Pointer core);

    static native int maze_read(Pointer core, long offset, byte[] buf, long len);

    static native int maze_scan_value(Pointer core, Pointer segs, int nsegs, long value, int threads,
                                      Pointer addrs, Pointer words, long cap, Pointer out);

    static native int maze_scan_header(Pointer core, Pointer segs, int nsegs, long stride,
                                       long fieldOffset, long[] pred, int threads, Pointer addrs,
                                       Pointer words, long cap, Pointer out);

    static native int maze_scan_ranges(Pointer core, Pointer segs, int nsegs, Pointer ranges,
                                       int nranges, int threads, Pointer addrs, Pointer words,
                                       long cap, Pointer out);
}

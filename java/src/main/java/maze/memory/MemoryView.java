package maze.memory;

/**
 * The address space of the analyzed process, as far as the core (and the module files behind it)
 * holds it. Two kinds of read: the plain ones throw {@link UnmappedAddressException}; the
 * {@code ...Or} ones return a default for addresses that may legitimately be missing.
 * Implementations are thread-safe for reads.
 */
public interface MemoryView {

    /** Copies {@code len} bytes at {@code address}; throws if any byte is unavailable. */
    void read(long address, byte[] dst, int offset, int len);

    long readLong(long address);

    int readInt(long address);

    default long readLongOr(long address, long dflt) {
        return isAvailable(address, 8) ? readLong(address) : dflt;
    }

    default int readIntOr(long address, int dflt) {
        return isAvailable(address, 4) ? readInt(address) : dflt;
    }

    /** True when all {@code len} bytes from {@code address} can be read. */
    boolean isAvailable(long address, long len);

    /** Reads a NUL-terminated string of at most {@code max} bytes, or null when unavailable. */
    default String readCString(long address, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < max; i++) {
            if (!isAvailable(address + i, 1)) {
                return null;
            }
            byte[] b = new byte[1];
            read(address + i, b, 0, 1);
            if (b[0] == 0) {
                return sb.toString();
            }
            sb.append((char) (b[0] & 0xff));
        }
        return sb.toString();
    }
}

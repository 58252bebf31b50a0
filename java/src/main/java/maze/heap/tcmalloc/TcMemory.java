package maze.heap.tcmalloc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import maze.heap.Warnings;
import maze.layout.FieldLayout;
import maze.memory.MemoryView;

/** Reads for the tcmalloc walker that never throw: what the core lacks reads as a default. */
final class TcMemory {
    private final MemoryView view;
    private final Warnings warnings;

    TcMemory(MemoryView view, Warnings warnings) {
        this.view = view;
        this.warnings = warnings;
    }

    Warnings warnings() {
        return warnings;
    }

    long word(long address) {
        return view.readLongOr(address, 0);
    }

    int int32(long address) {
        return view.readIntOr(address, 0);
    }

    /** A field of up to 8 bytes, zero-extended; a bitfield's bits alone. */
    long field(long base, FieldLayout f) {
        long at = base + f.offset();
        long v = f.size() >= 8 ? word(at) : view.readIntOr(at, 0) & 0xffffffffL;
        if (f.size() < 4) {
            v &= (1L << (8 * f.size())) - 1;
        }
        return f.isBitfield() ? (v >>> f.bitPos()) & ((1L << f.bitSize()) - 1) : v;
    }

    /** {@code count} words from {@code address}, or null when the core does not hold them all. */
    long[] words(long address, int count) {
        if (!view.isAvailable(address, 8L * count)) {
            return null;
        }
        byte[] b = new byte[8 * count];
        view.read(address, b, 0, b.length);
        long[] out = new long[count];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    /** {@code count} 32-bit values from {@code address}, or null when the core lacks them. */
    int[] ints(long address, int count) {
        if (!view.isAvailable(address, 4L * count)) {
            return null;
        }
        byte[] b = new byte[4 * count];
        view.read(address, b, 0, b.length);
        int[] out = new int[count];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }
}

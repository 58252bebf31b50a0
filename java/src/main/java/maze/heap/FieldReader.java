package maze.heap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import maze.layout.FieldLayout;
import maze.memory.MemoryView;

/**
 * Reads for the allocator walkers that never throw: a struct field by its layout (its size decides
 * the width, values are zero-extended, a bitfield gives its bits alone), a word, or a run of them;
 * whatever the core lacks reads as a default. Corrupt metadata must end in a warning, not an exception.
 */
public final class FieldReader {
    private final MemoryView view;
    private final Warnings warnings;

    public FieldReader(MemoryView view, Warnings warnings) {
        this.view = view;
        this.warnings = warnings;
    }

    public MemoryView view() {
        return view;
    }

    public Warnings warnings() {
        return warnings;
    }

    public boolean available(long address, long len) {
        return view.isAvailable(address, len);
    }

    public long word(long address, long dflt) {
        return view.readLongOr(address, dflt);
    }

    /** The word at {@code address}, 0 when the core lacks it. */
    public long word(long address) {
        return word(address, 0);
    }

    /** The 32-bit value at {@code address}, 0 when the core lacks it. */
    public int int32(long address) {
        return view.readIntOr(address, 0);
    }

    /** The field {@code f} of the struct at {@code base}, 0 if unreadable. */
    public long field(long base, FieldLayout f) {
        return field(base, f, 0);
    }

    /** The field {@code f} of the struct at {@code base}; {@code dflt} when the core lacks its bytes. */
    public long field(long base, FieldLayout f, long dflt) {
        long at = base + f.offset();
        long v;
        if (f.size() >= 8) {
            if (!view.isAvailable(at, 8)) {
                return dflt;
            }
            v = view.readLong(at);
        } else if (!view.isAvailable(at, f.size())) {
            return dflt;
        } else if (f.size() == 4) {
            v = view.readInt(at) & 0xffffffffL;
        } else {
            v = narrow(at, (int) f.size());
        }
        return f.isBitfield() && f.bitSize() < 64 ? (v >>> f.bitPos()) & ((1L << f.bitSize()) - 1) : v;
    }

    private long narrow(long at, int size) {
        byte[] b = new byte[size];
        view.read(at, b, 0, size);
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xff);
        }
        return v;
    }

    /** {@code count} words from {@code address}, or null when the core does not hold them all. */
    public long[] words(long address, int count) {
        ByteBuffer b = bytes(address, 8 * count);
        if (b == null) {
            return null;
        }
        long[] out = new long[count];
        b.asLongBuffer().get(out);
        return out;
    }

    /** {@code count} 32-bit values from {@code address}, or null when the core lacks them. */
    public int[] ints(long address, int count) {
        ByteBuffer b = bytes(address, 4 * count);
        if (b == null) {
            return null;
        }
        int[] out = new int[count];
        b.asIntBuffer().get(out);
        return out;
    }

    private ByteBuffer bytes(long address, int len) {
        if (!view.isAvailable(address, len)) {
            return null;
        }
        byte[] b = new byte[len];
        view.read(address, b, 0, len);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }
}

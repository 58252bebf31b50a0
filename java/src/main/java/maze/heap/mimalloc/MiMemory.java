package maze.heap.mimalloc;

import maze.heap.Warnings;
import maze.layout.FieldLayout;
import maze.memory.MemoryView;

/**
 * Field reads for the mimalloc walkers: by a layout's field (its size decides the width, values
 * are unsigned), and never throwing: an address the core lacks reads as {@code dflt}.
 */
public final class MiMemory {
    private final MemoryView view;
    private final Warnings warnings;

    public MiMemory(MemoryView view, Warnings warnings) {
        this.view = view;
        this.warnings = warnings;
    }

    public MemoryView view() {
        return view;
    }

    public Warnings warnings() {
        return warnings;
    }

    public long word(long address, long dflt) {
        return view.readLongOr(address, dflt);
    }

    /** The field {@code f} of the struct at {@code base}, zero-extended; {@code dflt} if unreadable. */
    public long field(long base, FieldLayout f, long dflt) {
        long at = base + f.offset();
        if (f.size() >= 8) {
            return view.readLongOr(at, dflt);
        }
        if (!view.isAvailable(at, f.size())) {
            return dflt;
        }
        if (f.size() == 4) {
            return view.readInt(at) & 0xffffffffL;
        }
        byte[] b = new byte[(int) f.size()];
        view.read(at, b, 0, b.length);
        long v = 0;
        for (int i = b.length - 1; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xff);
        }
        return v;
    }

    /** A bitfield (or a whole field when {@code f} is not one). */
    public long bits(long base, FieldLayout f) {
        long v = field(base, f);
        return f.isBitfield() ? (v >>> f.bitPos()) & ((1L << f.bitSize()) - 1) : v;
    }

    public long field(long base, FieldLayout f) {
        return field(base, f, 0);
    }

    public boolean available(long address, long len) {
        return view.isAvailable(address, len);
    }
}

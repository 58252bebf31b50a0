package maze.heap.mimalloc;

import maze.layout.FieldLayout;
import maze.testing.FakeMemory;

/** Writes struct fields of any width into synthetic memory, keeping the bytes around them. */
public final class FakeFields {
    private FakeFields() {
    }

    public static void put(FakeMemory mem, long base, FieldLayout f, long value) {
        long at = base + f.offset();
        long mask = f.size() >= 8 ? -1L : (1L << (8 * f.size())) - 1;
        long old = mem.readLong(at);
        mem.putLong(at, (old & ~mask) | (value & mask));
    }
}

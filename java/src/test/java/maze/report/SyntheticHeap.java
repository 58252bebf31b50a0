package maze.report;

import java.util.ArrayList;
import java.util.List;
import maze.classify.BlockClassifier;
import maze.classify.Demangler;
import maze.classify.VtableIndex;
import maze.classify.VtableSymbol;
import maze.heap.BlockSink;
import maze.memory.MemoryView;

/**
 * A made-up heap for tests and benchmarks: block i sits at {@code BASE + 64 i}; every fourth block
 * starts with a vptr of one of {@code classes} classes, the others have one of {@code sizes} sizes.
 * The memory computes each word, so millions of blocks cost no memory at all.
 */
final class SyntheticHeap implements MemoryView {
    static final long BASE = 0x7f0000000000L;
    private static final long VTABLES = 0x555555000000L;
    private static final long VTABLE_SIZE = 0x40;

    private final int classes;
    private final int sizes;

    SyntheticHeap(int classes, int sizes) {
        this.classes = classes;
        this.sizes = sizes;
    }

    VtableIndex vtables() {
        List<VtableSymbol> symbols = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            String name = "Class" + c;
            symbols.add(new VtableSymbol("_ZTV" + name.length() + name, VTABLES + c * VTABLE_SIZE, VTABLE_SIZE));
        }
        return VtableIndex.build(symbols, new Demangler(List.of("cat")), w -> { });
    }

    BlockClassifier classifier() {
        return new BlockClassifier(vtables(), this);
    }

    /** Feeds {@code count} blocks in address order. */
    void walk(long count, BlockSink sink) {
        for (long i = 0; i < count; i++) {
            sink.block(BASE + 64 * i, 24 + 16 * (i % sizes), 0);
        }
    }

    @Override
    public long readLong(long address) {
        long i = (address - BASE) >>> 6;
        if (i % 4 == 0) {
            return VTABLES + (i / 4 % classes) * VTABLE_SIZE + 16;
        }
        return address | 1; // odd: never a vtable pointer
    }

    @Override
    public boolean isAvailable(long address, long len) {
        return address >= BASE;
    }

    @Override
    public void read(long address, byte[] dst, int offset, int len) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int readInt(long address) {
        return (int) readLong(address);
    }
}

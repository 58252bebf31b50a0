package maze.classify;

import maze.memory.MemoryView;

/**
 * Gives a block its type key: a C++ class when the block's first word is a vtable pointer, else
 * its usable size. Reads one word per block and allocates nothing; counts the blocks each vtable
 * source named. Used by one thread at a time.
 */
public final class BlockClassifier {
    private final VtableIndex vtables;
    private final MemoryView memory;
    private final UnnamedModules unnamed;
    private final boolean readFirstWord;
    private final long[] namedBySource = new long[VtableSource.values().length];

    public BlockClassifier(VtableIndex vtables, MemoryView memory) {
        this(vtables, memory, new UnnamedModules(java.util.List.of()));
    }

    /** {@code unnamed}: modules without symbols here, whose would-be vtable pointers get counted. */
    public BlockClassifier(VtableIndex vtables, MemoryView memory, UnnamedModules unnamed) {
        this.vtables = vtables;
        this.memory = memory;
        this.unnamed = unnamed;
        this.readFirstWord = vtables.rangeCount() > 0 || unnamed.any();
    }

    /** The {@link TypeKeys type key} of the block at {@code address} with {@code usableSize}. */
    public long classify(long address, long usableSize) {
        if (usableSize >= 8 && readFirstWord) {
            // a block whose first word is not in the core is simply not known to be an object
            long word = memory.readLongOr(address, 0);
            int range = vtables.rangeOf(word);
            if (range >= 0) {
                namedBySource[vtables.sourceAt(range).ordinal()]++;
                return TypeKeys.ofClass(vtables.classAt(range));
            }
            unnamed.count(word);
        }
        return TypeKeys.ofSize(usableSize);
    }

    /** The vtables the index holds and the blocks named so far, per source. */
    public NameSources sources() {
        return new NameSources(vtables.symbolsBySource(), namedBySource);
    }

    public TypeNames names() {
        return vtables.names();
    }
}

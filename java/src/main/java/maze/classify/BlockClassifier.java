package maze.classify;

import maze.memory.MemoryView;

/**
 * Gives a block its type key: a C++ class when the block's first word is a vtable pointer, else
 * its usable size. Reads one word per block and allocates nothing.
 */
public final class BlockClassifier {
    private final VtableIndex vtables;
    private final MemoryView memory;
    private final UnnamedModules unnamed;
    private final boolean readFirstWord;

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
            int classId = vtables.classOf(word);
            if (classId >= 0) {
                return TypeKeys.ofClass(classId);
            }
            unnamed.count(word);
        }
        return TypeKeys.ofSize(usableSize);
    }

    public TypeNames names() {
        return vtables.names();
    }
}

package maze.classify;

import maze.memory.MemoryView;

/**
 * Gives a block its type key: a C++ class when the block's first word is a vtable pointer, else
 * its usable size. Reads one word per block and allocates nothing.
 */
public final class BlockClassifier {
    private final VtableIndex vtables;
    private final MemoryView memory;

    public BlockClassifier(VtableIndex vtables, MemoryView memory) {
        this.vtables = vtables;
        this.memory = memory;
    }

    /** The {@link TypeKeys type key} of the block at {@code address} with {@code usableSize}. */
    public long classify(long address, long usableSize) {
        if (usableSize >= 8 && vtables.rangeCount() > 0) {
            // a block whose first word is not in the core is simply not known to be an object
            int classId = vtables.classOf(memory.readLongOr(address, 0));
            if (classId >= 0) {
                return TypeKeys.ofClass(classId);
            }
        }
        return TypeKeys.ofSize(usableSize);
    }

    public TypeNames names() {
        return vtables.names();
    }
}

package maze.heap.glibc;

import maze.heap.Warnings;
import maze.memory.MemoryView;

/** What the glibc finders share: the core's memory, libc's layout and load bias, and the warnings. */
record GlibcMemory(MemoryView memory, GlibcLayout layout, long libcBias, boolean safeLinking, Warnings warnings) {

    long mainArena() {
        return libcBias + layout.mainArena();
    }

    long mp() {
        return libcBias + layout.mpAddress();
    }

    long word(long address) {
        return memory.readLong(address);
    }

    long wordOr(long address, long dflt) {
        return memory.readLongOr(address, dflt);
    }

    /** glibc >= 2.32 stores list links as (address of the link >> 12) ^ pointer. */
    long revealLink(long linkAddress, long stored) {
        return safeLinking ? (linkAddress >>> 12) ^ stored : stored;
    }

    static long chunkSize(long sizeField) {
        return sizeField & ~7L;
    }
}

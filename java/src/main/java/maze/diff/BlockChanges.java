package maze.diff;

/**
 * What happened to each block address between two cores of one process, told once per block in
 * address order. Keys are {@link SharedTypes} keys.
 */
public interface BlockChanges {
    /** The same start, size and type in both cores. */
    void survivor(long address, long size, long key);

    /** Live in the later core only. */
    void added(long address, long size, long key);

    /** Live in the earlier core only. */
    void gone(long address, long size, long key);

    /** Live in both at the same start, with another size or type: freed and allocated again. */
    void reused(long address, long wasSize, long wasKey, long size, long key);
}

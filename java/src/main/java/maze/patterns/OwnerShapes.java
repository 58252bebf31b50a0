package maze.patterns;

import maze.graph.BlockTable;
import maze.memory.MemoryView;

/**
 * Blocks named by the object pointing at their start (libstdc++, x86-64), given the pointer's word
 * and the two after it:
 * <ul>
 * <li>an unordered_map/set table (buckets, bucket count, before-begin's next, element count): every
 * bucket is 0, a node's start, or the table's before-begin word, and the node chain from
 * before-begin has exactly the element count of live blocks, and the rehash policy after them
 * holds a plausible maximum load factor;</li>
 * <li>a vector (begin, end, capacity end): begin &lt;= end &lt;= capacity end, all inside the
 * block, capacity above begin (pointers into the block), and not inside a stdio FILE;</li>
 * <li>a long string (pointer, length, capacity): 15 &lt; capacity, length &lt;= capacity,
 * capacity + 1 within the block and a NUL at the length (small integers, not pointers);</li>
 * <li>a deque (map, map size, start and finish iterators of cur, first, last, node): a map of at
 * least 8 slots within the block, both iterators' nodes in it, start before finish, each iterator's
 * first the buffer its node slot holds, both buffers of one length with cur inside, and every slot
 * from start's node to finish's the start of a live block that long at least.</li>
 * </ul>
 */
final class OwnerShapes {
    /** A string shorter than this lives inside its object (the short-string buffer). */
    private static final long LOCAL_CAPACITY = 15;
    /** Bucket arrays longer than this are not checked word by word. */
    private static final long MAX_BUCKETS = 1 << 24;
    private static final float MAX_LOAD_FACTOR = 1 << 20;
    /** struct _IO_FILE (glibc, x86-64): where a vector-like triple can start, and three words that hold the buffer's start. */
    private static final long[] FILE_TRIPLES = {0x18, 0x20};
    private static final long FILE_READ_BASE = 0x18;
    private static final long FILE_WRITE_BASE = 0x20;
    private static final long FILE_BUF_BASE = 0x38;

    private final BlockTable blocks;
    private final MemoryView memory;
    private final NodeShapes nodes;

    OwnerShapes(BlockTable blocks, MemoryView memory, NodeShapes nodes) {
        this.blocks = blocks;
        this.memory = memory;
        this.nodes = nodes;
    }

    boolean isVector(int b, long where, long end, long capacity) {
        long begin = blocks.start(b);
        return begin <= end && end <= capacity && capacity > begin && capacity - begin <= blocks.size(b)
                && !inStdioFile(where, begin);
    }

    /**
     * A glibc FILE's buffer looks like a vector body from two of its words (read base, write base,
     * write pointer; write base, write pointer, write end): it is one when the FILE's read base,
     * write base and buffer base all hold the buffer's start.
     */
    private boolean inStdioFile(long where, long begin) {
        for (long offset : FILE_TRIPLES) {
            long file = where - offset;
            if (nodes.word(file + FILE_READ_BASE) == begin && nodes.word(file + FILE_WRITE_BASE) == begin
                    && nodes.word(file + FILE_BUF_BASE) == begin) {
                return true;
            }
        }
        return false;
    }

    boolean isLongString(int b, long length, long capacity) {
        long p = blocks.start(b);
        if (capacity <= LOCAL_CAPACITY || length < 0 || length > capacity || capacity + 1 > blocks.size(b)) {
            return false;
        }
        return (nodes.word(p + (length & -8)) >>> (8 * (length & 7)) & 0xff) == 0;
    }

    /** The table's nodes in chain order if {@code where} holds a hashtable whose buckets are block b, else null. */
    long[] hashNodes(int b, long where, long bucketCount, long firstNode) {
        if (bucketCount < 2 || bucketCount > MAX_BUCKETS || bucketCount > blocks.size(b) / 8
                || (firstNode != 0 && !nodes.isStart(firstNode)) || !loadFactor(where + 32)) {
            return null;
        }
        long beforeBegin = where + 16;
        boolean sawHead = false;
        for (long k = 0, s = blocks.start(b); k < bucketCount; k++) {
            long e = memory.readLongOr(s + 8 * k, 0);
            if (e == beforeBegin) {
                sawHead = true;
            } else if (e != 0 && !nodes.isStart(e)) {
                return null;
            }
        }
        if (sawHead != (firstNode != 0)) {
            return null;
        }
        return chain(firstNode, memory.readLongOr(where + 24, -1));
    }

    /** A deque's object: map, map size, then the start and finish iterators (cur, first, last, node). */
    static final long DEQUE_BYTES = 80;
    private static final long DEQUE_MIN_MAP = 8;

    /** The deque's buffers in map order if {@code where} holds a std::deque whose map is block b, else null. */
    long[] dequeBuffers(int b, long where, long mapSize) {
        long map = blocks.start(b);
        long startNode = nodes.word(where + 40);
        long finishNode = nodes.word(where + 72);
        if (mapSize < DEQUE_MIN_MAP || mapSize > blocks.size(b) / 8 || startNode < map || finishNode < startNode
                || finishNode >= map + 8 * mapSize || ((startNode - map) & 7) != 0 || ((finishNode - map) & 7) != 0) {
            return null;
        }
        long length = nodes.word(where + 32) - nodes.word(where + 24);
        if (length <= 0 || !iterator(where + 16, startNode, length) || !iterator(where + 48, finishNode, length)) {
            return null;
        }
        long[] out = new long[(int) ((finishNode - startNode) / 8 + 1)];
        for (int i = 0; i < out.length; i++) {
            long buffer = nodes.word(startNode + 8L * i);
            int k = blocks.indexOf(buffer);
            if (k < 0 || blocks.start(k) != buffer || blocks.size(k) < length) {
                return null;
            }
            out[i] = buffer;
        }
        return out;
    }

    /** A deque iterator at {@code it} (cur, first, last, node): first is what its node slot holds, last first + length, cur inside. */
    private boolean iterator(long it, long node, long length) {
        long cur = nodes.word(it);
        long first = nodes.word(it + 8);
        return first == nodes.word(node) && nodes.word(it + 16) == first + length && cur >= first && cur < first + length;
    }

    /** The rehash policy's maximum load factor (a float, 1.0 unless the program set it) is plausible. */
    private boolean loadFactor(long address) {
        float f = Float.intBitsToFloat((int) memory.readLongOr(address, 0));
        return f > 0 && f <= MAX_LOAD_FACTOR;
    }

    /** The nodes from {@code first} along their next words: exactly {@code count} live blocks, else null. */
    private long[] chain(long first, long count) {
        if (count < 0 || count > blocks.count()) {
            return null;
        }
        long[] out = new long[(int) count];
        long node = first;
        for (int i = 0; i < count; i++) {
            if (node == 0 || !nodes.isStart(node)) {
                return null;
            }
            out[i] = node;
            node = nodes.word(node);
        }
        return node == 0 ? out : null;
    }
}

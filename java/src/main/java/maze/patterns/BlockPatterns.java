package maze.patterns;

import maze.classify.ContainerPattern;
import maze.classify.TypeKeys;
import maze.graph.BlockTable;
import maze.graph.RootRegions;
import maze.memory.CoreScanner;
import maze.memory.MemoryView;
import maze.memory.ScanSink;

/**
 * Names blocks without a vtable by their shape: first the nodes that tell themselves (tree and
 * list nodes), then, in one native scan for words pointing at a block's start from another live
 * block or a root, the blocks named by their owner (hashtable buckets and nodes, vector bodies,
 * long strings). One byte per block; a block keeps its size beside its pattern.
 */
public final class BlockPatterns implements ScanSink {
    private final BlockTable blocks;
    private final RootRegions roots;
    private final MemoryView memory;
    private final NodeShapes nodes;
    private final OwnerShapes owners;
    /** 0: no pattern, else the pattern's ordinal + 1. */
    private final byte[] pattern;

    private BlockPatterns(BlockTable blocks, RootRegions roots, MemoryView memory) {
        this.blocks = blocks;
        this.roots = roots;
        this.memory = memory;
        this.nodes = new NodeShapes(blocks, memory);
        this.owners = new OwnerShapes(blocks, memory, nodes);
        this.pattern = new byte[blocks.count()];
    }

    public static BlockPatterns find(BlockTable blocks, RootRegions roots, MemoryView memory, CoreScanner scanner) {
        BlockPatterns p = new BlockPatterns(blocks, roots, memory);
        for (int b = 0; b < blocks.count(); b++) {
            if (!TypeKeys.isClass(blocks.type(b))) {
                if (p.nodes.isTreeNode(b)) {
                    p.name(b, ContainerPattern.TREE_NODE);
                } else if (p.nodes.isListNode(b)) {
                    p.name(b, ContainerPattern.LIST_NODE);
                }
            }
        }
        if (blocks.count() > 0) {
            scanner.findPointers(p.startRanges(), p);
        }
        return p;
    }

    /** The block's type key: its class, its pattern with its size, or its size. */
    public long key(int b) {
        long base = blocks.type(b);
        return pattern[b] == 0 ? base : TypeKeys.ofPattern(ContainerPattern.of(pattern[b] - 1), blocks.size(b));
    }

    /** How many blocks have {@code p}. */
    public int count(ContainerPattern p) {
        int n = 0;
        for (byte b : pattern) {
            n += b == p.ordinal() + 1 ? 1 : 0;
        }
        return n;
    }

    /** Each block's first byte: a pointer at a block's start is all an owner ever holds. */
    private long[] startRanges() {
        long[] out = new long[2 * blocks.count()];
        for (int b = 0; b < blocks.count(); b++) {
            out[2 * b] = blocks.start(b);
            out[2 * b + 1] = blocks.start(b) + 1;
        }
        return out;
    }

    @Override
    public void accept(long[] addresses, long[] words, int count) {
        for (int i = 0; i < count; i++) {
            owner(addresses[i], words[i]);
        }
    }

    /** The word at {@code where} points at the start of a block: is {@code where} a container's object? */
    private void owner(long where, long word) {
        int b = blocks.indexOf(word);
        if (b < 0 || pattern[b] != 0 || TypeKeys.isClass(blocks.type(b)) || !ownerMemory(where, b)) {
            return;
        }
        long second = memory.readLongOr(where + 8, 0);
        long third = memory.readLongOr(where + 16, 0);
        long[] hashNodes = owners.hashNodes(b, where, second, third);
        if (hashNodes != null) {
            name(b, ContainerPattern.HASH_BUCKETS);
            for (long node : hashNodes) {
                int n = blocks.indexOf(node);
                if (pattern[n] == 0 && !TypeKeys.isClass(blocks.type(n))) {
                    name(n, ContainerPattern.HASH_NODE);
                }
            }
        } else if (owners.isVector(b, where, second, third)) {
            name(b, ContainerPattern.VECTOR_BODY);
        } else if (owners.isLongString(b, second, third)) {
            name(b, ContainerPattern.LONG_STRING);
        }
    }

    /** The object lies wholly in another live block, or starts in a root (freed memory holds stale copies). */
    private boolean ownerMemory(long where, int b) {
        int holder = blocks.indexOf(where);
        if (holder >= 0) {
            return holder != b && where + 24 <= blocks.end(holder);
        }
        return roots.areaAt(where) >= 0;
    }

    private void name(int b, ContainerPattern p) {
        pattern[b] = (byte) (p.ordinal() + 1);
    }
}

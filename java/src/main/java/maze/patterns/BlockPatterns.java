package maze.patterns;

import java.util.function.LongToIntFunction;
import maze.classify.ContainerPattern;
import maze.classify.TypeKeys;
import maze.classify.TypeNames;
import maze.graph.BlockTable;
import maze.graph.RootRegions;
import maze.graph.StartPointers;
import maze.memory.CoreScanner;
import maze.memory.MemoryView;
import maze.memory.ScanSink;

/**
 * Names blocks without a vtable by their shape: first those that tell themselves (tree and list
 * nodes, {@code new T[n]} arrays with their cookie, arrays of pointers to one class), then, from
 * the words pointing at a block's start from another live block or a root, the blocks named by
 * their owner (hashtable buckets and nodes, vector bodies, long strings, deque maps and buffers). Those words come from
 * one native scan, or from the reference graph's scan ({@link StartPointers}). One byte per
 * block, and an int per block once a typed array is found; a block keeps its size beside its pattern.
 */
public final class BlockPatterns implements ScanSink, StartPointers {
    /** In {@link #pattern}: the block's name is {@code typed[b]} of {@link #derived}. */
    private static final byte TYPED = -1;

    private final BlockTable blocks;
    private final RootRegions roots;
    private final MemoryView memory;
    private final NodeShapes nodes;
    private final OwnerShapes owners;
    private final ArrayShapes arrays;
    private final TypeNames classes;
    private final DerivedNames derived = new DerivedNames();
    /** 0: no pattern, TYPED, else the pattern's ordinal + 1. */
    private final byte[] pattern;
    /** The derived name's id of each TYPED block; allocated with the first. */
    private int[] typed;

    private BlockPatterns(BlockTable blocks, RootRegions roots, MemoryView memory, TypeNames classes,
                          LongToIntFunction vtableClass) {
        this.blocks = blocks;
        this.roots = roots;
        this.memory = memory;
        this.classes = classes;
        this.nodes = new NodeShapes(blocks, memory);
        this.owners = new OwnerShapes(blocks, memory, nodes);
        this.arrays = new ArrayShapes(blocks, nodes, vtableClass);
        this.pattern = new byte[blocks.count()];
    }

    /**
     * Every pattern, with one native scan for pointers to block starts. {@code classes} name the
     * blocks' class ids, {@code vtableClass} gives a word's class when it is a vtable pointer (else -1).
     */
    public static BlockPatterns find(BlockTable blocks, RootRegions roots, MemoryView memory, CoreScanner scanner,
                                     TypeNames classes, LongToIntFunction vtableClass) {
        BlockPatterns p = ofShapes(blocks, roots, memory, classes, vtableClass);
        if (blocks.count() > 0) {
            scanner.findPointers(p.startRanges(), p);
        }
        return p;
    }

    /**
     * The patterns blocks tell themselves; the owners' patterns follow as the words pointing at
     * block starts arrive ({@link #accept} or {@link #pointer}), from another scan.
     */
    public static BlockPatterns ofShapes(BlockTable blocks, RootRegions roots, MemoryView memory, TypeNames classes,
                                         LongToIntFunction vtableClass) {
        BlockPatterns p = new BlockPatterns(blocks, roots, memory, classes, vtableClass);
        for (int b = 0; b < blocks.count(); b++) {
            if (!TypeKeys.isClass(blocks.type(b))) {
                p.ownShape(b);
            }
        }
        return p;
    }

    private void ownShape(int b) {
        if (nodes.isTreeNode(b)) {
            name(b, ContainerPattern.TREE_NODE);
        } else if (nodes.isListNode(b)) {
            name(b, ContainerPattern.LIST_NODE);
        } else {
            long n = arrays.newArrayCount(b);
            if (n > 0) {
                typed(b, DerivedNames.Kind.NEW_ARRAY, arrays.newArrayClass(b), n);
                return;
            }
            int t = arrays.pointerArrayClass(b);
            if (t >= 0) {
                typed(b, DerivedNames.Kind.POINTER_ARRAY, t, 0);
            }
        }
    }

    /** The type names: the classes, then the typed arrays' names (their ids past the classes). */
    public TypeNames names() {
        return classes.withDerived(derived.display(classes));
    }

    /** The block's type key: its class, its pattern with its size, or its size. */
    public long key(int b) {
        if (pattern[b] == TYPED) {
            return TypeKeys.ofClass(classes.classCount() + typed[b]);
        }
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
            int b = blocks.indexOf(words[i]);
            if (b >= 0 && blocks.start(b) == words[i]) {
                pointer(addresses[i], b);
            }
        }
    }

    /**
     * The word at {@code where} points at the start of block b: is {@code where} a container's
     * object? A pointer array may turn out a vector's body; no other name changes.
     */
    @Override
    public void pointer(long where, int b) {
        boolean pointerArray = pattern[b] == TYPED && derived.kind(typed[b]) == DerivedNames.Kind.POINTER_ARRAY;
        if ((pattern[b] != 0 && !pointerArray) || TypeKeys.isClass(blocks.type(b)) || !ownerMemory(where, b)) {
            return;
        }
        long second = memory.readLongOr(where + 8, 0);
        long third = memory.readLongOr(where + 16, 0);
        if (pointerArray) {
            if (owners.isVector(b, where, second, third)) {
                vector(b, second);
            }
            return;
        }
        long[] hashNodes = owners.hashNodes(b, where, second, third);
        if (hashNodes != null) {
            name(b, ContainerPattern.HASH_BUCKETS);
            members(hashNodes, ContainerPattern.HASH_NODE);
        } else if (owners.isVector(b, where, second, third)) {
            vector(b, second);
        } else if (owners.isLongString(b, second, third)) {
            name(b, ContainerPattern.LONG_STRING);
        } else if (fits(where, OwnerShapes.DEQUE_BYTES)) {
            deque(b, owners.dequeBuffers(b, where, second));
        }
    }

    private void deque(int map, long[] buffers) {
        if (buffers != null) {
            name(map, ContainerPattern.DEQUE_MAP);
            members(buffers, ContainerPattern.DEQUE_BUFFER);
        }
    }

    /** A container's members (block starts) that have no name yet get {@code p}. */
    private void members(long[] starts, ContainerPattern p) {
        for (long start : starts) {
            int k = blocks.indexOf(start);
            if (pattern[k] == 0 && !TypeKeys.isClass(blocks.type(k))) {
                name(k, p);
            }
        }
    }

    /** An object of {@code bytes} at {@code where} lies wholly in its block, or is in a root. */
    private boolean fits(long where, long bytes) {
        int holder = blocks.indexOf(where);
        return holder < 0 || where + bytes <= blocks.end(holder);
    }

    /** The object lies wholly in another live block, or starts in a root (freed memory holds stale copies). */
    private boolean ownerMemory(long where, int b) {
        int holder = blocks.indexOf(where);
        if (holder >= 0) {
            return holder != b && where + 24 <= blocks.end(holder);
        }
        return roots.areaAt(where) >= 0;
    }

    /** A vector body whose elements up to {@code end} point at blocks of one class is that class's pointer vector. */
    private void vector(int b, long end) {
        int t = arrays.elementClass(blocks.start(b), end);
        if (t >= 0) {
            typed(b, DerivedNames.Kind.POINTER_VECTOR, t, 0);
        } else {
            name(b, ContainerPattern.VECTOR_BODY);
        }
    }

    private void name(int b, ContainerPattern p) {
        pattern[b] = (byte) (p.ordinal() + 1);
    }

    private void typed(int b, DerivedNames.Kind kind, int classId, long count) {
        if (typed == null) {
            typed = new int[blocks.count()];
        }
        typed[b] = derived.id(kind, classId, count, blocks.size(b));
        pattern[b] = TYPED;
    }
}

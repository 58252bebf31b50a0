package maze.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import maze.classify.ContainerPattern;
import maze.classify.TypeKeys;
import maze.classify.TypeNames;
import maze.graph.BlockTable;
import maze.graph.GraphBuilder;
import maze.graph.RegisterRoots;
import maze.graph.RootArea;
import maze.graph.RootKind;
import maze.graph.RootRegions;
import maze.memory.CoreScanner;
import maze.memory.HeaderQuery;
import maze.memory.ScanSink;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

/**
 * Patterns on synthetic memory: a heap of 64-byte blocks (some 136) at HEAP + 0x100 * i and a
 * global area at DATA; each shape is checked beside a near miss that must stay unnamed.
 */
class BlockPatternsTest {
    private static final long HEAP = 0x10000;
    private static final long DATA = 0x90000;
    private static final int BLOCKS = 16;

    /** Where the vtables of Gadget (class 0) and Gizmo (class 1) point. */
    private static final long VT_GADGET = 0x5010;
    private static final long VT_GIZMO = 0x6010;
    private static final TypeNames CLASSES = new TypeNames(List.of("Gadget", "Gizmo"));

    private final FakeMemory memory = new FakeMemory().region(HEAP, 0x100 * BLOCKS).region(DATA, 0x400);
    /** Block -> its class id (a block with a vtable), else untyped. */
    private final Map<Integer, Integer> classOf = new HashMap<>();
    /** Block -> its size, else 64. */
    private final Map<Integer, Integer> sizeOf = new HashMap<>();

    private static long block(int i) {
        return HEAP + 0x100L * i;
    }

    @Test
    void vectorAndStringTriplesAreToldApart() {
        triple(DATA, block(0), block(0) + 24, block(0) + 64);        // vector: begin, end, capacity end
        triple(DATA + 0x20, block(1), 40, 50);                          // string: length 40, capacity 50
        triple(DATA + 0x40, block(2), block(2) + 24, block(2) + 72);   // capacity beyond the block
        triple(DATA + 0x60, block(3), 10, 12);                          // capacity fits the local buffer
        triple(DATA + 0x80, block(4), 40, 64);                          // no room for the NUL
        memory.putLong(block(5) + 40, 0x4141);                          // no NUL at the length
        triple(DATA + 0xa0, block(5), 40, 50);
        assertEquals(List.of("0 std::vector body", "1 std::string long buffer"), named());
    }

    @Test
    void aStdioBufferIsNoVectorBody() {
        long file = DATA + 0x100;                    // a FILE with its buffer in block 6, 16 bytes written
        long buf = block(6);
        memory.putLong(file + 0x8, buf).putLong(file + 0x10, buf).putLong(file + 0x18, buf);
        memory.putLong(file + 0x20, buf).putLong(file + 0x28, buf + 16).putLong(file + 0x30, buf + 64);
        memory.putLong(file + 0x38, buf).putLong(file + 0x40, buf + 64);
        triple(DATA, block(0), block(0) + 8, block(0) + 64);
        assertEquals(List.of("0 std::vector body"), named());
    }

    @Test
    void treeNodesPointBackAtEachOther() {
        long header = DATA + 8;                     // the map's header: red, root at +8
        memory.putLong(header + 8, block(0));
        node(block(0), 1, header, block(1), block(2));
        node(block(1), 0, block(0), 0, 0);
        node(block(2), 0, block(0), 0, 0);
        node(block(3), 0, block(4), 0, 0);          // its parent does not hold it as a child
        node(block(4), 1, block(9), block(5), 0);
        node(block(5), 0, block(4), 0, 0);
        assertEquals(List.of("0 std::map/set node", "1 std::map/set node", "2 std::map/set node",
                "5 std::map/set node"), named());
    }

    @Test
    void listNodesNeedBothBackLinks() {
        long header = DATA;                          // next, prev, size
        memory.putLong(header, block(0)).putLong(header + 8, block(1));
        memory.putLong(block(0), block(1)).putLong(block(0) + 8, header);
        memory.putLong(block(1), header).putLong(block(1) + 8, block(0));
        memory.putLong(block(2), block(3)).putLong(block(2) + 8, block(3));  // block(3) points nowhere back
        assertEquals(List.of("0 std::list node", "1 std::list node"), named());
    }

    @Test
    void hashTableNeedsItsWholeChain() {
        long table = DATA;                           // buckets, count, before-begin's next, element count
        memory.putLong(table, block(0)).putLong(table + 8, 4).putLong(table + 16, block(1)).putLong(table + 24, 2);
        memory.putInt(table + 32, Float.floatToIntBits(1.0f));
        memory.putLong(block(0) + 8, table + 16).putLong(block(0) + 24, block(1));
        memory.putLong(block(1), block(2));          // node chain: 1 -> 2 -> end
        long broken = DATA + 0x40;                   // says 3 elements, its chain has 1
        memory.putLong(broken, block(4)).putLong(broken + 8, 4).putLong(broken + 16, block(5)).putLong(broken + 24, 3);
        memory.putInt(broken + 32, Float.floatToIntBits(1.0f));
        memory.putLong(block(4), broken + 16);
        assertEquals(List.of("0 std::unordered_map/set buckets", "1 std::unordered_map/set node",
                "2 std::unordered_map/set node"), named());
    }

    @Test
    void newArraysHoldTheirCountOfVtablesAndFillTheBlock() {
        newArray(0, 4, VT_GADGET, 32, 4);             // Gadget[4]: 8 + 4 * 32 = 136
        newArray(1, 4, VT_GADGET, 32, 2);             // the third element has no vtable
        newArray(2, 1, VT_GADGET, 32, 1);             // a count of 1: a struct {1, object} looks the same
        newArray(3, 2, VT_GADGET, 32, 2);             // 2 elements leave 64 bytes of 136 unused
        newArray(4, 4, 0x7010, 32, 4);                // the repeated word is no vtable
        newArray(5, 5, VT_GIZMO, 24, 5);              // Gizmo[5]: 8 + 5 * 24 = 128, 8 bytes of rounding
        newArray(6, 4, VT_GADGET, 32, 4);             // a count above what fits the block
        memory.putLong(block(6), 40);
        assertEquals(List.of("0 C++ Gadget[] (new[] of 4, malloc(136))", "5 C++ Gizmo[] (new[] of 5, malloc(136))"),
                named());
    }

    @Test
    void pointerArraysPointAtStartsOfOneClass() {
        objects();
        pointers(0, block(8), block(9), 0, block(10), block(11), 0, 0, 0);  // nulls between and after
        pointers(1, block(8), block(12), block(9));                        // a Gadget, then a Gizmo
        pointers(2, block(8));                                              // one pointer, then zeros
        pointers(3, block(8), block(9), 0x1234, 0x1234);                    // 48 bytes not pointers
        pointers(4, block(8), block(9), block(10), block(11), block(8), block(9), block(10), 0x4141);
        pointers(5, block(8) + 8, block(9), block(10));                    // the first word points inside
        pointers(6, 0, block(8), block(9), block(10));                     // the first word is 0
        assertEquals(List.of("0 C++ Gadget*[]", "4 C++ Gadget*[]"), named());
    }

    @Test
    void vectorsOfPointersNameTheirClassUpToTheirEnd() {
        objects();
        triple(DATA, block(0), block(0) + 24, block(0) + 64);             // 3 elements, junk after them
        pointers(0, block(8), 0, block(9), 0x4141, 0x4141, 0x4141);
        triple(DATA + 0x20, block(1), block(1) + 16, block(1) + 64);      // a Gadget and a Gizmo
        pointers(1, block(8), block(12));
        triple(DATA + 0x40, block(2), block(2) + 16, block(2) + 64);      // a Gadget*[] by its words, then a vector
        pointers(2, block(8), block(9), block(10), block(11));
        triple(DATA + 0x60, block(3), 40, 50);                             // a Gadget*[] whose owner looks like a string's
        pointers(3, block(8), block(9), block(10), block(11), block(8), 0, 0, 0);
        triple(DATA + 0x80, block(4), block(4), block(4) + 64);           // empty
        assertEquals(List.of("0 std::vector<Gadget*> body", "1 std::vector body", "2 std::vector<Gadget*> body",
                "3 C++ Gadget*[]", "4 std::vector body"), named());
    }

    /** --retained's one scan: the graph's scan passes the words at block starts on; the names are the same. */
    @Test
    void theGraphsScanNamesAsAScanOfItsOwn() {
        objects();
        triple(DATA, block(0), block(0) + 24, block(0) + 64);
        pointers(0, block(8), 0, block(9));
        triple(DATA + 0x20, block(1), 40, 50);
        triple(DATA + 0x40, block(2), block(2) + 8, block(2) + 64);
        memory.putLong(block(3), block(2) + 8).putLong(block(3) + 8, block(4));  // interior and start pointers
        List<String> own = named();
        BlockTable blocks = table();
        BlockPatterns p = BlockPatterns.ofShapes(blocks, roots(), memory, CLASSES, BlockPatternsTest::vtableClass);
        GraphBuilder.build(blocks, roots(), new RegisterRoots(), new WordScanner(), p);
        assertEquals(List.of("0 std::vector<Gadget*> body", "1 std::string long buffer", "2 std::vector body"), own);
        assertEquals(own, names(blocks, p));
    }

    @Test
    void dequesNeedTheirIteratorsInTheirMap() {
        long map = block(0);                          // 8 slots, buffers in slots 3 and 4
        memory.putLong(map + 24, block(1)).putLong(map + 32, block(2));
        // start's (cur, first, last) = (buffer, buffer, buffer + 64) looks like an empty vector's
        // triple; the deque's first word comes before it, and the deque's check first
        deque(DATA, map, block(1), block(1), map + 24, block(2) + 8, block(2), map + 32);
        long other = block(4);                        // finish's first is not what its slot holds
        memory.putLong(other + 24, block(5)).putLong(other + 32, block(6));
        deque(DATA + 0x60, other, block(5) + 8, block(5), other + 24, block(6) + 8, block(7), other + 32);
        assertEquals(List.of("0 std::deque map", "1 std::deque buffer", "2 std::deque buffer"), named());
    }

    /** A deque of 8 map slots and 64-byte buffers at {@code at}: map, map size, start and finish (cur, first, last, node). */
    private void deque(long at, long map, long startCur, long startFirst, long startNode, long finishCur,
                       long finishFirst, long finishNode) {
        memory.putLong(at, map).putLong(at + 8, 8);
        memory.putLong(at + 16, startCur).putLong(at + 24, startFirst).putLong(at + 32, startFirst + 64)
                .putLong(at + 40, startNode);
        memory.putLong(at + 48, finishCur).putLong(at + 56, finishFirst).putLong(at + 64, finishFirst + 64)
                .putLong(at + 72, finishNode);
    }

    @Test
    void derivedNamesParseBackAsTheirKeys() {
        TypeNames names = CLASSES.withDerived(List.of("C++ Gadget*[] (malloc(64))", "std::vector<Gizmo*> body (malloc(72))"));
        assertEquals(TypeKeys.ofClass(2), names.keyOf("C++ Gadget*[] (malloc(64))").getAsLong());
        assertEquals("std::vector<Gizmo*> body (malloc(72))", names.name(TypeKeys.ofClass(3)));
        assertEquals("C++ Gizmo", names.name(TypeKeys.ofClass(1)));
        assertEquals(true, names.keyOf("C++ Gadget*[] (malloc(72))").isEmpty(), "no block has this name");
        assertEquals(4, names.idCount());
    }

    @Test
    void patternKeysKeepTheSizeAndParseBack() {
        long key = TypeKeys.ofPattern(ContainerPattern.VECTOR_BODY, 4096);
        TypeNames names = TypeNames.sizesOnly();
        assertEquals("std::vector body (malloc(4096))", names.name(key));
        assertEquals(key, names.keyOf("std::vector body (malloc(4096))").getAsLong());
        assertEquals(4096, names.keyOf("malloc(4096)").getAsLong());
        assertEquals(true, names.keyOf("malloc(281474976710656)").isEmpty(), "a size above 2^48 is no block's");
        assertEquals(true, names.keyOf("std::list node (malloc(x))").isEmpty());
    }

    private void triple(long at, long a, long b, long c) {
        memory.putLong(at, a).putLong(at + 8, b).putLong(at + 16, c);
    }

    private void node(long at, int color, long parent, long left, long right) {
        memory.putLong(at, color).putLong(at + 8, parent).putLong(at + 16, left).putLong(at + 24, right);
    }

    /** Blocks 8-11 are Gadgets, block 12 a Gizmo: their first word is their vtable pointer. */
    private void objects() {
        for (int i = 8; i <= 12; i++) {
            classOf.put(i, i == 12 ? 1 : 0);
            memory.putLong(block(i), i == 12 ? VT_GIZMO : VT_GADGET);
        }
    }

    /** A new[] block of 136 bytes at block i: the count, then {@code vtables} elements of {@code stride} bytes with {@code vptr}. */
    private void newArray(int i, long count, long vptr, int stride, int vtables) {
        sizeOf.put(i, 136);
        memory.putLong(block(i), count);
        for (int k = 0; k < vtables; k++) {
            memory.putLong(block(i) + 8 + (long) k * stride, vptr);
        }
    }

    private void pointers(int i, long... words) {
        for (int k = 0; k < words.length; k++) {
            memory.putLong(block(i) + 8L * k, words[k]);
        }
    }

    private static int vtableClass(long word) {
        return word == VT_GADGET ? 0 : word == VT_GIZMO ? 1 : -1;
    }

    private BlockTable table() {
        BlockTable.Builder b = new BlockTable.Builder();
        for (int i = 0; i < BLOCKS; i++) {
            int size = sizeOf.getOrDefault(i, 64);
            b.block(block(i), size, 0, classOf.containsKey(i) ? TypeKeys.ofClass(classOf.get(i)) : TypeKeys.ofSize(size));
        }
        return b.build();
    }

    private static RootRegions roots() {
        RootRegions.Builder r = new RootRegions.Builder();
        r.add(DATA, DATA + 0x400, r.area(new RootArea(RootKind.MODULE_DATA, "app", "app", -1)));
        return r.build();
    }

    /** "i name" for every block named by a pattern (its size left out where it ends the name). */
    private List<String> named() {
        BlockTable blocks = table();
        return names(blocks, BlockPatterns.find(blocks, roots(), memory, new WordScanner(), CLASSES,
                BlockPatternsTest::vtableClass));
    }

    private static List<String> names(BlockTable blocks, BlockPatterns p) {
        List<String> out = new ArrayList<>();
        TypeNames names = p.names();
        for (int i = 0; i < BLOCKS; i++) {
            if (p.key(i) != blocks.type(i)) {
                out.add(i + " " + names.name(p.key(i)).replace(" (malloc(" + blocks.size(i) + "))", ""));
            }
        }
        return out;
    }

    /** Every word of the fake memory's two regions that points into one of the ranges, in address order. */
    private final class WordScanner implements CoreScanner {
        @Override
        public void findPointers(long[] ranges, long from, long to, ScanSink sink) {
            for (long[] region : new long[][] {{HEAP, HEAP + 0x100 * BLOCKS}, {DATA, DATA + 0x400}}) {
                for (long a = region[0]; a < region[1]; a += 8) {
                    long w = memory.readLong(a);
                    for (int k = 0; k < ranges.length; k += 2) {
                        if (w >= ranges[k] && w < ranges[k + 1]) {
                            sink.accept(new long[] {a}, new long[] {w}, 1);
                        }
                    }
                }
            }
        }

        @Override
        public void findValue(long value, long from, long to, ScanSink sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void findHeaders(HeaderQuery query, long from, long to, ScanSink sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}

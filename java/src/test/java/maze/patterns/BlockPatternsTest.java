package maze.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import maze.classify.ContainerPattern;
import maze.classify.TypeKeys;
import maze.classify.TypeNames;
import maze.graph.BlockTable;
import maze.graph.RootArea;
import maze.graph.RootKind;
import maze.graph.RootRegions;
import maze.memory.CoreScanner;
import maze.memory.HeaderQuery;
import maze.memory.ScanSink;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

/**
 * Patterns on synthetic memory: a heap of 64-byte blocks at HEAP + 0x100 * i and a global area
 * at DATA; each shape is checked beside a near miss that must stay unnamed.
 */
class BlockPatternsTest {
    private static final long HEAP = 0x10000;
    private static final long DATA = 0x90000;
    private static final int BLOCKS = 16;

    private final FakeMemory memory = new FakeMemory().region(HEAP, 0x100 * BLOCKS).region(DATA, 0x400);

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

    /** "i pattern" for every named block. */
    private List<String> named() {
        BlockTable.Builder b = new BlockTable.Builder();
        for (int i = 0; i < BLOCKS; i++) {
            b.block(block(i), 64, 0, TypeKeys.ofSize(64));
        }
        BlockTable blocks = b.build();
        RootRegions.Builder r = new RootRegions.Builder();
        r.add(DATA, DATA + 0x400, r.area(new RootArea(RootKind.MODULE_DATA, "app", "app", -1)));
        BlockPatterns p = BlockPatterns.find(blocks, r.build(), memory, new WordScanner());
        List<String> out = new ArrayList<>();
        TypeNames names = TypeNames.sizesOnly();
        for (int i = 0; i < BLOCKS; i++) {
            if (TypeKeys.isPattern(p.key(i))) {
                String name = names.name(p.key(i));
                out.add(i + " " + name.substring(0, name.indexOf(" (malloc(")));
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

package maze.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockClassifierTest {
    private final VtableIndex index = VtableIndex.build(List.of(
            new VtableSymbol("_ZTV1A", 0x1000, 40),
            new VtableSymbol("_ZTV1B", 0x2000, 40)), new Demangler(List.of("cat")), w -> { });

    @Test
    void aBlockStartingWithAVtablePointerIsThatClassElseItsSize() {
        WordMemory memory = new WordMemory()
                .put(0x10000, 0x1010)
                .put(0x10100, 0x2018)
                .put(0x10200, 0x1008)
                .put(0x10300, 1234);
        BlockClassifier c = new BlockClassifier(index, memory);
        TypeNames names = c.names();
        assertEquals("C++ _ZTV1A", names.name(c.classify(0x10000, 24)));
        assertEquals("C++ _ZTV1B", names.name(c.classify(0x10100, 40)));
        assertEquals("malloc(24)", names.name(c.classify(0x10200, 24)), "typeinfo slot is no vptr");
        assertEquals("malloc(72)", names.name(c.classify(0x10300, 72)));
        assertEquals("malloc(24)", names.name(c.classify(0x10400, 24)), "first word not in the core");
    }

    @Test
    void typeStringsMapBackToTheirKeys() {
        TypeNames names = index.names();
        assertEquals(TypeKeys.ofClass(1), names.keyOf("C++ _ZTV1B").getAsLong());
        assertEquals(72, names.keyOf("malloc(72)").getAsLong());
        assertEquals(0, names.keyOf("malloc(0)").getAsLong());
        assertEquals(true, names.keyOf("C++ _ZTV1Z").isEmpty());
        assertEquals(true, names.keyOf("malloc(072)").isEmpty());
        assertEquals(true, names.keyOf("malloc()").isEmpty());
        assertEquals(true, names.keyOf("malloc(99999999999999999999)").isEmpty());
        assertEquals(true, names.keyOf("72").isEmpty());
    }
}

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
    void namedBlocksAreCountedPerSourceAndUnnamedOnesPerModule() {
        VtableIndex mixed = VtableIndex.build(List.of(
                new VtableSymbol("_ZTV1A", 0x1000, 40, true, VtableSource.DEBUG_FILE),
                new VtableSymbol("_ZTV1B", 0x2000, 40, false, VtableSource.DYNSYM)), new Demangler(List.of("cat")),
                w -> { });
        WordMemory memory = new WordMemory().put(0x10000, 0x1010).put(0x10100, 0x1018).put(0x10200, 0x2010)
                .put(0x10300, 0x5008).put(0x10400, 0x6000);
        UnnamedModules unnamed = new UnnamedModules(List.of(new UnnamedModules.Range(0x5000, 0x5100, "/lib/x.so",
                "the module is present but stripped")));
        BlockClassifier c = new BlockClassifier(mixed, memory, unnamed);
        for (long a = 0x10000; a <= 0x10400; a += 0x100) {
            c.classify(a, 24);
        }
        NameSources s = c.sources();
        assertEquals(2, s.blocks(VtableSource.DEBUG_FILE));
        assertEquals(1, s.blocks(VtableSource.DYNSYM));
        assertEquals(0, s.blocks(VtableSource.MODULE_SYMTAB));
        assertEquals(1, s.vtables(VtableSource.DEBUG_FILE));
        assertEquals("3 blocks from 2 vtables: module .symtab 0, debug file 1 (2 blocks), .dynsym 1 (1 blocks)",
                s.describe());
        assertEquals(List.of("1 blocks start with a pointer into /lib/x.so, probably a vtable, but their C++ types"
                + " are not named (listed as malloc(N)): the module is present but stripped"), unnamed.warnings());
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

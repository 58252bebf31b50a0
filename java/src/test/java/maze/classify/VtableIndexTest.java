package maze.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VtableIndexTest {
    /** Names stay as given: these tests are about ranges, not demangling. */
    private static final Demangler IDENTITY = new Demangler(List.of("cat"));

    private static VtableIndex index(VtableSymbol... symbols) {
        return VtableIndex.build(List.of(symbols), IDENTITY, w -> { });
    }

    private static String classAt(VtableIndex index, long word) {
        int id = index.classOf(word);
        return id < 0 ? null : index.names().className(id);
    }

    @Test
    void wordsInsideTheSymbolPastItsFirstTwoWordsAreVtablePointers() {
        VtableIndex index = index(new VtableSymbol("_ZTV1A", 0x1000, 40));
        assertEquals(null, classAt(index, 0x1000), "offset-to-top slot");
        assertEquals(null, classAt(index, 0x1008), "typeinfo slot");
        assertEquals("_ZTV1A", classAt(index, 0x1010), "primary vptr = _ZTV+16");
        assertEquals("_ZTV1A", classAt(index, 0x1020));
        assertEquals(null, classAt(index, 0x1028), "one past the end");
        assertEquals(null, classAt(index, 0x1011), "not 8-aligned");
        assertEquals(null, classAt(index, 0xff8));
        assertEquals(null, classAt(index, 0));
        assertEquals(null, classAt(index, -8));
    }

    @Test
    void vptrPastMorePrefixSlotsOfAVirtualBaseIsAccepted() {
        // class D : virtual B: vbase offset, offset-to-top, typeinfo, then functions
        VtableIndex index = index(new VtableSymbol("_ZTV1D", 0x2000, 0x60));
        assertEquals("_ZTV1D", classAt(index, 0x2018));
        assertEquals("_ZTV1D", classAt(index, 0x2048), "secondary vptr inside the group");
    }

    @Test
    void theSameVtableListedTwiceIsOneRangeAndOneClass() {
        VtableIndex index = index(
                new VtableSymbol("_ZTV1A", 0x1000, 40),
                new VtableSymbol("_ZTV1A", 0x1000, 40),
                new VtableSymbol("_ZTV1A", 0x9000, 40, true));
        assertEquals(1, index.names().classCount());
        assertEquals(2, index.rangeCount());
        assertEquals(index.classOf(0x1010), index.classOf(0x9010));
    }

    @Test
    void aVtableInSeveralSymbolTablesCountsOnceForTheFirstSource() {
        VtableIndex index = index(
                new VtableSymbol("_ZTV1A", 0x1000, 40, true, VtableSource.DYNSYM),
                new VtableSymbol("_ZTV1A", 0x1000, 40, true, VtableSource.DEBUG_FILE),
                new VtableSymbol("_ZTV1B", 0x2000, 40, false, VtableSource.DYNSYM),
                new VtableSymbol("_ZTV1C", 0x3000, 40, false, VtableSource.MODULE_SYMTAB),
                new VtableSymbol("_ZTV1C", 0x3000, 40, false, VtableSource.DYNSYM));
        assertEquals(3, index.rangeCount());
        assertEquals(VtableSource.DEBUG_FILE, index.sourceAt(index.rangeOf(0x1010)));
        assertEquals(VtableSource.DYNSYM, index.sourceAt(index.rangeOf(0x2010)));
        assertEquals(VtableSource.MODULE_SYMTAB, index.sourceAt(index.rangeOf(0x3018)));
        assertEquals(List.of(1L, 1L, 1L), java.util.Arrays.stream(index.symbolsBySource()).boxed().toList());
    }

    @Test
    void theExecutablesCopyWinsOverAnAliasOfAnotherModule() {
        VtableIndex index = index(
                new VtableSymbol("_ZTV3Lib", 0x3000, 0x40),
                new VtableSymbol("_ZTV3Exe", 0x3000, 0x40, true));
        assertEquals("_ZTV3Exe", classAt(index, 0x3010));
        assertEquals("_ZTV3Exe", classAt(index, 0x3038));
    }

    @Test
    void anExactPrimaryVptrBeatsAnOverlappingRangeButOnlyAtThatWord() {
        VtableIndex index = index(
                new VtableSymbol("_ZTV1P", 0x5000, 0x40, true),
                new VtableSymbol("_ZTV1Q", 0x5008, 0x30));
        assertEquals("_ZTV1P", classAt(index, 0x5010));
        assertEquals("_ZTV1Q", classAt(index, 0x5018), "Q's primary vptr");
        assertEquals("_ZTV1P", classAt(index, 0x5020), "the executable wins past it");
    }

    @Test
    void nestedRangesResolveToTheInnermost() {
        VtableIndex index = index(
                new VtableSymbol("_ZTV5Outer", 0x4000, 0x80),
                new VtableSymbol("_ZTV5Inner", 0x4020, 0x30));
        assertEquals("_ZTV5Outer", classAt(index, 0x4018));
        assertEquals("_ZTV5Outer", classAt(index, 0x4028), "Inner's typeinfo slot is no vptr of Inner");
        assertEquals("_ZTV5Inner", classAt(index, 0x4030));
        assertEquals("_ZTV5Inner", classAt(index, 0x4048));
        assertEquals("_ZTV5Outer", classAt(index, 0x4050));
        assertEquals("_ZTV5Outer", classAt(index, 0x4078));
        assertEquals(null, classAt(index, 0x4080));
    }

    @Test
    void otherSymbolsAndTooSmallOnesAreIgnored() {
        VtableIndex index = index(
                new VtableSymbol("_ZTI1A", 0x1000, 40),
                new VtableSymbol("_ZTV1B", 0x2000, 16),
                new VtableSymbol("_ZTV1C", 0x3000, 0));
        assertEquals(0, index.rangeCount());
        assertEquals(null, classAt(index, 0x1010));
    }

    @Test
    void theOutcomeDoesNotDependOnInputOrder() {
        List<VtableSymbol> symbols = new ArrayList<>();
        Random rnd = new Random(7);
        for (int i = 0; i < 300; i++) {
            long addr = 0x10000 + 8L * rnd.nextInt(4000);
            symbols.add(new VtableSymbol("_ZTV" + i, addr, 8L * (2 + rnd.nextInt(20)), rnd.nextInt(5) == 0));
        }
        VtableIndex a = VtableIndex.build(symbols, IDENTITY, w -> { });
        Collections.shuffle(symbols, rnd);
        VtableIndex b = VtableIndex.build(symbols, IDENTITY, w -> { });
        int hits = 0;
        for (long w = 0x10000; w < 0x10000 + 8 * 4100; w += 8) {
            String x = classAt(a, w);
            assertEquals(x, classAt(b, w), Long.toHexString(w));
            hits += x == null ? 0 : 1;
        }
        assertTrue(hits > 1000, "the random symbols cover most words: " + hits);
    }
}

package maze.heap.jemalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SizeClassesTest {
    @Test
    void jemallocsOwnClassesPass() {
        SizeClasses c = JemallocFake.classes();
        assertNull(c.problem());
        assertEquals(14336, c.regSize()[SizeClasses.NBINS - 1]);
        assertEquals(16384, c.usable(SizeClasses.NBINS));
    }

    @Test
    void aBinThatDisagreesWithTheSizeTableIsNamed() {
        SizeClasses c = JemallocFake.classes();
        c.nregs()[3] = 7;
        assertTrue(c.problem().startsWith("bin_infos[3]"), c.problem());
    }

    @Test
    void aTableThatIsNotSizesIsRefused() {
        SizeClasses c = JemallocFake.classes();
        c.index2size()[10] = 0;
        assertEquals("sz_index2size_tab is not increasing at index 10", c.problem());
    }
}

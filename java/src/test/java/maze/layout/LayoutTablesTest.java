package maze.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in tables as one service: every indexed table loads, and lookup is by build-id, else by version. */
class LayoutTablesTest {
    private static final String DEBIAN_209 = "d07f4e7dc9a039fcbe7747f416476bd65cb48e8b";

    @Test
    void everyIndexedTableLoadsWithItsHeader() {
        assertFalse(LayoutTables.all().isEmpty());
        for (LayoutTable t : LayoutTables.all()) {
            assertTrue(t.resource().startsWith(t.allocator() + "/"), t.resource());
            assertNotNull(t.library(), t.resource());
            assertNotNull(t.version(), t.resource());
            assertFalse(t.source().structs().isEmpty(), t.resource());
        }
    }

    @Test
    void aBuildIdFindsItsTableAndATableWithABuildIdServesNoOtherBuild() {
        assertEquals("mimalloc/debian-2.0.9.layout",
                LayoutTables.find("mimalloc", DEBIAN_209, "2.0.9").orElseThrow().resource());
        assertTrue(LayoutTables.find("mimalloc", "0123456789", "2.0.9").isEmpty());
        assertTrue(LayoutTables.find("glibc", DEBIAN_209, "2.0.9").isEmpty(), "tables belong to their allocator");
    }

    @Test
    void aTableWithoutBuildIdStandsForItsVersionAndBadLinesAreRefused() {
        LayoutTable t = LayoutTable.parse("x/any.layout", "x", List.of("version 1.2.3", "library libx.so",
                "struct s 16", "field a 8 8", "symbol g 0x40"));
        assertEquals(null, t.buildId());
        assertEquals(8, t.source().struct("s").field("a").offset());
        assertEquals(0x40, t.source().symbol("g").orElseThrow());
        assertTrue(t.describe().contains("any build"), t.describe());
        assertThrows(IllegalStateException.class, () -> LayoutTable.parse("x/bad", "x", List.of("field a 8 8")));
    }
}

package maze.heap.tcmalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import maze.layout.LayoutTable;
import maze.layout.LayoutTables;
import maze.testing.MimallocBuilds;
import maze.testing.TableChecks;
import maze.testing.TcmallocBuilds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each built-in table for Debian's stripped libraries (libtcmalloc_minimal.so.4, libtcmalloc.so.4)
 * must say exactly what the DWARF of the same source and target built with Debian's flags says,
 * field by field (bitfields included), hold every field the walker reads, and name Debian's file
 * by its build-id.
 */
class TcmallocTableTest {
    /** Table, the DWARF build it was read from, the Debian file it is for (index names). */
    private static final String[][] TABLES = {
        {"tcmalloc/debian-2.10-minimal.layout", "tcmalloc-minimal-2.10-dwarf", "tcmalloc-minimal-2.10-debian"},
        {"tcmalloc/debian-2.10-full.layout", "tcmalloc-full-2.10-dwarf", "tcmalloc-full-2.10-debian"},
    };

    private static MimallocBuilds.Build build(String name) throws IOException {
        return TcmallocBuilds.all().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tcmalloc build " + name + " provisioned"));
    }

    @Test
    void everyShippedTableIsTested() {
        assertEquals(LayoutTables.of(TcLayouts.ALLOCATOR).stream().map(LayoutTable::resource).toList(),
                java.util.Arrays.stream(TABLES).map(t -> t[0]).toList());
    }

    @Tag("gdb")
    @Test
    void structsEqualDwarf() throws IOException {
        for (String[] t : TABLES) {
            TableChecks.assertStructsEqualDwarf(LayoutTables.load(t[0]), build(t[1]).path(), TcLayout.REQUEST);
        }
    }

    @Test
    void tablesHoldEveryFieldTheWalkerReads() {
        for (LayoutTable t : LayoutTables.of(TcLayouts.ALLOCATOR)) {
            TcLayout l = TcLayout.from(t.source());
            String name = t.resource();
            assertEquals(13, new PageMap(null, l).pageShift, name + ": 8 KiB pages, as kPageShift in common.h");
        }
    }

    @Test
    void buildIdsAreDebiansFiles() throws IOException {
        for (String[] t : TABLES) {
            LayoutTable table = LayoutTables.load(t[0]);
            MimallocBuilds.Build debian = build(t[2]);
            assertEquals(debian.buildId(), table.buildId(), t[0]);
            assertEquals(debian.version(), table.version(), t[0]);
            assertEquals(debian.path().getFileName().toString().replaceAll("\\.\\d+\\.\\d+$", ""), table.library(), t[0]);
        }
    }
}

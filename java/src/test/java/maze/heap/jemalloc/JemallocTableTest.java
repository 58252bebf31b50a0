package maze.heap.jemalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import maze.layout.LayoutTable;
import maze.layout.LayoutTables;
import maze.testing.MimallocBuilds;
import maze.testing.TableChecks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The built-in table for Debian's stripped libjemalloc.so.2 says exactly what the DWARF of the
 * rebuild of the same source with Debian's options says, and names Debian's file by its build-id.
 */
class JemallocTableTest {
    private static final LayoutTable TABLE = LayoutTables.load("jemalloc/debian-5.3.0-1.layout");

    private static MimallocBuilds.Build build(String kind) throws IOException {
        return MimallocBuilds.index("jemalloc-index.tsv", "tests/provision/jemalloc.sh").stream()
                .filter(b -> b.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no jemalloc build of kind " + kind + " provisioned"));
    }

    @Tag("gdb")
    @Test
    void structsEqualTheRebuildsDwarf() throws IOException {
        TableChecks.assertStructsEqualDwarf(TABLE, build("debian-rebuild").path(), JeLayout.REQUEST);
        JeLayout.from(TABLE.source()); // every field the walker reads is there
    }

    @Test
    void buildIdIsDebiansFile() throws IOException {
        assertEquals(build("debian-stripped").buildId(), TABLE.buildId());
        assertEquals(JeLayouts.ALLOCATOR, TABLE.allocator());
    }
}

package maze.heap.tcmalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import maze.gdb.GdbOptions;
import maze.layout.DwarfLayoutProvider;
import maze.layout.FieldLayout;
import maze.layout.LayoutCache;
import maze.layout.LayoutSource;
import maze.layout.LayoutTable;
import maze.layout.StructLayout;
import maze.testing.MimallocBuilds;
import maze.testing.TcmallocBuilds;
import org.junit.jupiter.api.Test;

/**
 * The built-in table for Debian's stripped libtcmalloc_minimal must say exactly what the DWARF of
 * the same source built with Debian's flags says, field by field (bitfields included), hold every
 * field the walker reads, and name Debian's file by its build-id.
 */
class TcmallocTableTest {
    private static final LayoutTable TABLE = LayoutTable.load(TcLayouts.class, TcLayouts.TABLES.get(0));

    private static MimallocBuilds.Build build(String kind) throws IOException {
        return TcmallocBuilds.all().stream().filter(b -> b.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " tcmalloc build provisioned"));
    }

    @Test
    void structsEqualDwarf() throws IOException {
        LayoutSource dwarf = new DwarfLayoutProvider(GdbOptions.defaults(), LayoutCache.disabled())
                .forFile(build("dwarf").path(), TcLayout.REQUEST);
        for (Map.Entry<String, StructLayout> e : TABLE.structs().entrySet()) {
            StructLayout want = dwarf.struct(e.getKey());
            assertEquals(want.size(), e.getValue().size(), "sizeof " + e.getKey());
            for (FieldLayout f : e.getValue().fields().values()) {
                assertEquals(want.field(f.name()), f, e.getKey() + "." + f.name());
            }
        }
    }

    @Test
    void tableHoldsEveryFieldTheWalkerReads() {
        TcLayout l = TcLayout.from(TABLE);
        assertEquals(13, new PageMap(null, l).pageShift, "8 KiB pages, as kPageShift in common.h");
    }

    @Test
    void buildIdIsDebiansFile() throws IOException {
        MimallocBuilds.Build debian = build("debian-stripped");
        assertEquals(debian.buildId(), TABLE.buildId());
        assertEquals(debian.version(), TABLE.version());
    }
}

package maze.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import maze.gdb.GdbOptions;
import maze.layout.DwarfLayoutProvider;
import maze.layout.FieldLayout;
import maze.layout.LayoutCache;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.layout.LayoutTable;
import maze.layout.StructLayout;

/** What every built-in layout table must be: exactly what the DWARF of its twin build says. */
public final class TableChecks {
    private TableChecks() {
    }

    /** Every struct and field of {@code table} equals {@code dwarfLib}'s DWARF (bitfields included). */
    public static void assertStructsEqualDwarf(LayoutTable table, Path dwarfLib, LayoutRequest request) {
        LayoutSource dwarf = new DwarfLayoutProvider(GdbOptions.defaults(), LayoutCache.disabled())
                .forFile(dwarfLib, request);
        for (Map.Entry<String, StructLayout> e : table.source().structs().entrySet()) {
            StructLayout want = dwarf.struct(e.getKey());
            assertEquals(want.size(), e.getValue().size(), table.resource() + ": sizeof " + e.getKey());
            for (FieldLayout f : e.getValue().fields().values()) {
                assertEquals(want.field(f.name()), f, table.resource() + ": " + e.getKey() + "." + f.name());
            }
        }
    }
}

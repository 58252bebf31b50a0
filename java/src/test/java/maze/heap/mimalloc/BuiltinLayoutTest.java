package maze.heap.mimalloc;

import maze.layout.LayoutTables;
import maze.layout.LayoutTable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import maze.gdb.GdbOptions;
import maze.layout.DwarfLayoutProvider;
import maze.layout.FieldLayout;
import maze.layout.LayoutCache;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;
import maze.testing.MimallocBuilds;
import org.junit.jupiter.api.Test;

/**
 * The built-in Debian 2.0.9 table must say exactly what DWARF says: its structs against both the
 * RelWithDebInfo build and the Debian-flags rebuild, its symbols against the rebuild (the
 * byte-identical twin of Debian's binary), and its build-id against Debian's file.
 */
class BuiltinLayoutTest {
    private static final LayoutTable TABLE = LayoutTables.load("mimalloc/debian-2.0.9.layout");

    /** DWARF through the product's layout layer (gdb), with no cache so the answer is fresh. */
    private static LayoutSource dwarf(String build) throws IOException {
        return new DwarfLayoutProvider(GdbOptions.defaults(), LayoutCache.disabled()).forFile(build(build).path(),
                MiV2Layout.REQUEST);
    }

    private static MimallocBuilds.Build build(String name) throws IOException {
        return MimallocBuilds.all().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not provisioned"));
    }

    @Test
    void structsEqualDwarf() throws IOException {
        for (String name : new String[] {"mimalloc-2.0.9-relwithdebinfo", "mimalloc-2.0.9-debian-flags"}) {
            LayoutSource dwarf = dwarf(name);
            for (Map.Entry<String, StructLayout> e : TABLE.source().structs().entrySet()) {
                StructLayout want = dwarf.struct(e.getKey());
                assertEquals(want.size(), e.getValue().size(), name + ": sizeof " + e.getKey());
                for (FieldLayout f : e.getValue().fields().values()) {
                    FieldLayout d = want.field(f.name());
                    assertEquals(d.offset() + "/" + d.size(), f.offset() + "/" + f.size(),
                            name + ": " + e.getKey() + "." + f.name());
                }
            }
        }
    }

    @Test
    void symbolsEqualTheTwinsSymtab() throws IOException {
        LayoutSource twin = dwarf("mimalloc-2.0.9-debian-flags");
        TABLE.source().symbols().forEach((sym, addr) ->
                assertEquals(twin.symbol(sym).orElse(-1), (long) addr, sym));
        TABLE.source().tls().forEach((sym, off) -> assertEquals(twin.tlsOffset(sym).orElse(-1), (long) off, sym));
    }

    /** Each table names the Debian file it was read from: same build-id and version as provisioned. */
    @Test
    void everyTableIsForItsDebianFile() throws IOException {
        for (LayoutTable t : LayoutTables.of("mimalloc")) {
            assertEquals(build("debian-" + t.version()).buildId(), t.buildId(), t.resource());
        }
        MiV3Layout.from(LayoutTables.load("mimalloc/debian-3.0.1.layout").source());
    }

    @Test
    void everyFieldTheWalkerReadsIsInTheTable() {
        MiV2Layout.from(TABLE.source()); // throws LayoutException naming the missing field
        assertEquals(0, MiV2Layout.from(TABLE.source()).heap().padding());
    }
}

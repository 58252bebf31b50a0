package maze.heap.mimalloc;

import maze.heap.mimalloc.pages.V3Layout;
import maze.heap.mimalloc.segments.V1Layout;
import maze.heap.mimalloc.segments.V2Layout;
import maze.layout.LayoutTables;
import maze.layout.LayoutTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import maze.app.LayoutTableExport;
import maze.core.ElfFile;
import java.util.Map;
import maze.gdb.GdbOptions;
import maze.layout.DwarfLayoutProvider;
import maze.layout.FieldLayout;
import maze.layout.LayoutCache;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;
import maze.testing.MimallocBuilds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The built-in Debian 2.0.9 table must say exactly what DWARF says: its structs against both the
 * RelWithDebInfo build and the Debian-flags rebuild, its symbols against the rebuild (the
 * byte-identical twin of Debian's binary), and its build-id against Debian's file. The upstream
 * reference builds' tables must be what their DWARF derives today.
 */
class BuiltinLayoutTest {
    private static final Path PROJECT = Path.of(System.getProperty("maze.project.dir", ".")).toAbsolutePath();
    private static final LayoutTable TABLE = LayoutTables.load("mimalloc/debian-2.0.9.layout");

    /** DWARF through the product's layout layer (gdb), with no cache so the answer is fresh. */
    private static LayoutSource dwarf(String build) throws IOException {
        return new DwarfLayoutProvider(GdbOptions.defaults(), LayoutCache.disabled()).forFile(build(build).path(),
                V2Layout.REQUEST);
    }

    private static MimallocBuilds.Build build(String name) throws IOException {
        return MimallocBuilds.all().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not provisioned"));
    }

    @Tag("gdb")
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

    @Tag("gdb")
    @Test
    void symbolsEqualTheTwinsSymtab() throws IOException {
        LayoutSource twin = dwarf("mimalloc-2.0.9-debian-flags");
        TABLE.source().symbols().forEach((sym, addr) ->
                assertEquals(twin.symbol(sym).orElse(-1), (long) addr, sym));
        TABLE.source().tls().forEach((sym, off) -> assertEquals(twin.tlsOffset(sym).orElse(-1), (long) off, sym));
    }

    /** Each Debian table names the Debian file it was read from: same build-id and version as provisioned. */
    @Test
    void everyTableIsForItsDebianFile() throws IOException {
        for (LayoutTable t : LayoutTables.of("mimalloc")) {
            if (!t.resource().startsWith("mimalloc/debian-")) {
                continue;
            }
            assertEquals(build("debian-" + t.version()).buildId(), t.buildId(), t.resource());
        }
        V3Layout.from(LayoutTables.load("mimalloc/debian-3.0.1.layout").source());
    }

    /**
     * Each upstream reference build has a table that is exactly what `maze layouts LIB --table
     * mimalloc` derives from its DWARF now (so a hand edit, or a change in the walker's request,
     * fails here), keyed by that file's build-id, and its generation's walker takes it.
     */
    @Tag("gdb")
    @Test
    void upstreamTablesAreDerivedFromTheirBuildsDwarf() throws IOException {
        for (MimallocBuilds.Build b : MimallocBuilds.reference(PROJECT)) {
            String name = "mimalloc/upstream-" + b.version() + ".layout";
            String derived = LayoutTableExport.table("mimalloc", b.path(), GdbOptions.defaults());
            assertEquals(derived, resourceText(name), name + " against the DWARF of " + b.path());
            LayoutTable t = LayoutTables.load(name);
            LayoutSource dwarf = new DwarfLayoutProvider(GdbOptions.defaults(), LayoutCache.disabled())
                    .forFile(b.path(), new MimallocPlugin().tableRecipe(b.path()).request());
            t.source().structs().forEach((struct, layout) ->
                    assertEquals(dwarf.struct(struct).fields(), layout.fields(), name + ": " + struct + " as parsed"));
            try (ElfFile elf = ElfFile.open(b.path())) {
                assertEquals(elf.buildId(), t.buildId(), name);
            }
            switch (b.version().charAt(0)) {
                case '1' -> V1Layout.from(t.source());
                case '2' -> V2Layout.from(t.source());
                default -> V3Layout.from(t.source());
            }
        }
    }

    private static String resourceText(String name) throws IOException {
        try (InputStream in = BuiltinLayoutTest.class.getResourceAsStream("/maze/layout/tables/" + name)) {
            assertNotNull(in, name + " is not in the jar");
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void everyFieldTheWalkerReadsIsInTheTable() {
        V2Layout.from(TABLE.source()); // throws LayoutException naming the missing field
        assertEquals(0, V2Layout.from(TABLE.source()).heap().padding());
    }
}

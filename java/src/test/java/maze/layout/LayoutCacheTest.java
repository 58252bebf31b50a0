package maze.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import maze.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout cache believes an entry only when it is the module its name says and every number is
 * in range; it lives in a folder and files only this user can change. Anything else is discarded
 * with a warning (the caller then asks gdb again).
 */
class LayoutCacheTest {
    static final String ID = "0123456789abcdef0123";

    @TempDir
    Path tmp;
    final List<String> warnings = new ArrayList<>();

    @Test
    void aValidEntryIsReadBackPrivately() throws IOException {
        LayoutCache c = cache();
        c.write(ID, layouts(ID));
        ModuleLayouts m = c.read(ID);
        assertNotNull(m);
        assertEquals(16, m.struct("malloc_state").offset("fastbinsY"));
        assertEquals("rwx------", mode(c.dir()));
        assertEquals("rw-------", mode(c.file(ID)));
        assertEquals(List.of(), warnings);
    }

    @Test
    void anEntryForAnotherBuildIsDiscarded() throws IOException {
        assertDiscarded(o -> o.put("buildId", "ffffffffffffffffffff"), "is not its name");
        assertDiscarded(o -> o.putNull("buildId"), "is not its name");
    }

    @Test
    void aHugeArrayIsDiscarded() throws IOException {
        assertDiscarded(o -> field(o, "fastbinsY").put("size", 1L << 31), "not inside the struct");
    }

    @Test
    void negativeNullOrTextOffsetsAreDiscarded() throws IOException {
        assertDiscarded(o -> field(o, "fastbinsY").put("offset", -8), "not inside the struct");
        assertDiscarded(o -> field(o, "fastbinsY").putNull("offset"), "not inside the struct");
        assertDiscarded(o -> field(o, "fastbinsY").put("offset", "16"), "not inside the struct");
        assertDiscarded(o -> field(o, "fastbinsY").remove("offset"), "not inside the struct");
    }

    @Test
    void implausibleStructSizesAndBadSymbolsAreDiscarded() throws IOException {
        assertDiscarded(o -> ((ObjectNode) o.get("structs").get("malloc_state")).put("size", 0), "size 0");
        assertDiscarded(o -> ((ObjectNode) o.get("structs").get("malloc_state")).put("size", 1L << 40), "is not between");
        assertDiscarded(o -> ((ObjectNode) o.get("symbols")).put("main_arena", "x"), "not a number");
        assertDiscarded(o -> field(o, "flags").put("bitpos", 17570).put("bitsize", 3), "out of range");
    }

    @Test
    void aFolderOthersMayWriteIsNotUsed() throws IOException {
        LayoutCache c = cache();
        c.write(ID, layouts(ID));
        Files.setPosixFilePermissions(c.dir(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertNull(c.read(ID));
        assertTrue(warnings.get(0).contains("writable by other users"), warnings.toString());
        Files.setPosixFilePermissions(c.dir(), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(c.file(ID), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertNull(c.read(ID));
        assertTrue(warnings.get(1).contains("writable by other users"), warnings.toString());
    }

    @Test
    void aFileOwnedByAnotherUserIsNotUsed() throws Exception {
        Fixtures.require("root".equals(System.getProperty("user.name")), "chown needs root");
        LayoutCache c = cache();
        c.write(ID, layouts(ID));
        new ProcessBuilder("chown", "65534", c.file(ID).toString()).inheritIO().start().waitFor();
        assertNull(c.read(ID));
        assertTrue(warnings.get(0).contains("belongs to another user"), warnings.toString());
    }

    private void assertDiscarded(Consumer<ObjectNode> damage, String why) throws IOException {
        LayoutCache c = cache();
        c.write(ID, layouts(ID));
        ObjectNode o = (ObjectNode) LayoutJson.MAPPER.readTree(c.file(ID).toFile());
        damage.accept(o);
        LayoutJson.MAPPER.writeValue(c.file(ID).toFile(), o);
        warnings.clear();
        assertNull(c.read(ID), o.toString());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("discarded and fetched again") && warnings.get(0).contains(why), warnings.get(0));
    }

    private static ObjectNode field(ObjectNode o, String name) {
        return (ObjectNode) o.get("structs").get("malloc_state").get("fields").get(name);
    }

    private LayoutCache cache() {
        return LayoutCache.at(tmp.resolve("cache/layouts"), warnings::add);
    }

    private static ModuleLayouts layouts(String id) {
        ModuleLayouts m = new ModuleLayouts("/usr/lib/libc.so.6", id);
        Map<String, FieldLayout> fields = new java.util.LinkedHashMap<>();
        fields.put("flags", new FieldLayout("flags", 4, 4, 32, 1));
        fields.put("fastbinsY", new FieldLayout("fastbinsY", 16, 80));
        m.structs.put("malloc_state", new StructLayout("malloc_state", 2200, fields));
        m.symbols.put("main_arena", 0x1d3c80L);
        return m;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}

package maze.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import maze.gdb.GdbOptions;
import maze.gdb.GdbTesting;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptQuestionsTest {
    @TempDir
    Path tmp;

    @Test
    void theRequestIsOneJsonArgument() {
        LayoutRequest r = new LayoutRequest(List.of("ignored"), List.of("mp_"), List.of("tcache"));
        assertEquals("{\"structs\":[\"struct link_map\",\"heap_info\"],\"symbols\":[\"mp_\"],\"tls\":[\"tcache\"]}",
                ScriptQuestions.request(List.of("struct link_map", "heap_info"), r));
    }

    @Test
    void theReplyLineFillsFoundAndMissingNames() {
        ModuleLayouts m = new ModuleLayouts("libx.so", "ab");
        ScriptQuestions.read("some gdb chatter\nMAZE-JSON {\"structs\": {\"s\": {\"size\": 8, \"fields\": {\"a.b\":"
                + " {\"offset\": 4, \"size\": 4, \"bitpos\": 3, \"bitsize\": 2}}}, \"gone\": null},"
                + " \"symbols\": {\"x\": 18446744073709551615, \"y\": null}, \"tls\": {\"t\": 72, \"y\": null}}\n", m);
        assertEquals(new FieldLayout("a.b", 4, 4, 3, 2), m.struct("s").field("a.b"));
        assertEquals(8, m.struct("s").size());
        assertEquals(Set.of("gone"), m.missingStructs);
        assertEquals(OptionalLong.of(-1L), m.symbol("x"), "an unsigned 64-bit address");
        assertEquals(Set.of("y"), m.missingSymbols);
        assertEquals(OptionalLong.of(72), m.tlsOffset("t"));
        assertEquals(Set.of("y"), m.missingTls);
    }

    @Test
    void aReplyWithoutTheMarkIsAnError() {
        LayoutException e = assertThrows(LayoutException.class,
                () -> ScriptQuestions.read("Undefined command: \"maze\".\n", new ModuleLayouts("f", null)));
        assertTrue(e.getMessage().contains("no MAZE-JSON line"), e.getMessage());
    }

    @Tag("gdb")
    @Test
    void aGdbThatCannotRunTheScriptFallsBackToPtypeOrSaysWhy() {
        GdbTesting.requireGlibcDebugInfo();
        LayoutRequest r = new LayoutRequest(List.of("heap_info"), List.of("mp_"), List.of("tcache"));
        Path absent = tmp.resolve("no-python-here.py");
        ModuleLayouts fallBack = fetch(r, new FetchRoute(true, absent, true));
        assertEquals(fetch(r, FetchRoute.PTYPE).struct("heap_info"), fallBack.struct("heap_info"));
        assertEquals(0x48, fallBack.tlsOffset("tcache").orElseThrow());
        LayoutException e = assertThrows(LayoutException.class, () -> fetch(r, new FetchRoute(true, absent, false)));
        assertTrue(e.getMessage().startsWith("gdb could not run " + absent + ": "), e.getMessage());
    }

    private static ModuleLayouts fetch(LayoutRequest r, FetchRoute route) {
        return new DwarfLayoutProvider(GdbOptions.defaults(), LayoutCache.disabled(), route).forFile(GdbTesting.LIBC, r);
    }

    @Test
    void theBundledScriptIsExtractedOnceUnderItsHashAndRewrittenWhenAltered() throws Exception {
        String saved = System.getProperty("maze.cache.dir");
        System.setProperty("maze.cache.dir", tmp.toString());
        try {
            Path f = LayoutScript.extracted();
            assertTrue(f.startsWith(tmp.resolve("gdb-scripts")), f.toString());
            byte[] bundled;
            try (InputStream in = getClass().getResourceAsStream(LayoutScript.RESOURCE)) {
                bundled = in.readAllBytes();
            }
            assertArrayEquals(bundled, Files.readAllBytes(f));
            Files.writeString(f, "import os  # not ours\n");
            assertEquals(f, LayoutScript.extracted());
            assertArrayEquals(bundled, Files.readAllBytes(f));
        } finally {
            if (saved == null) {
                System.clearProperty("maze.cache.dir");
            } else {
                System.setProperty("maze.cache.dir", saved);
            }
        }
    }
}

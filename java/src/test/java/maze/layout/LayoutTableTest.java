package maze.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTableTest {
    private static final LayoutTable T = LayoutTable.parse("t", "x", List.of(
            "# comment", "library libx.so.1", "version 1.2", "build-id abcd", "",
            "struct ns::Span 48", "field start 0 8", "field location 43 4 0 2", "symbol ns::g 0x1000"));

    @Test
    void headerStructsBitfieldsAndSymbols() {
        assertEquals("libx.so.1", T.library());
        assertEquals("1.2", T.version());
        assertEquals("abcd", T.buildId());
        assertEquals(48, T.source().struct("ns::Span").size());
        assertFalse(T.source().struct("ns::Span").field("start").isBitfield());
        assertEquals(new FieldLayout("location", 43, 4, 0, 2), T.source().struct("ns::Span").field("location"));
        assertEquals(0x1000, T.source().symbol("ns::g").getAsLong());
        assertTrue(T.source().symbol("other").isEmpty());
    }

    @Test
    void unknownStructNamesTheTable() {
        LayoutException e = assertThrows(LayoutException.class, () -> T.source().struct("nope"));
        assertTrue(e.getMessage().contains("built-in layout t has no nope"), e.getMessage());
    }
}

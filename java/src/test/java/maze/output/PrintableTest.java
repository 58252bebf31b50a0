package maze.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Which characters a terminal would act on, and how they are written instead. */
class PrintableTest {
    @Test
    void controlsAreEscapedAndPlainTextIsKept() {
        String plain = "/usr/lib/libc.so.6 ü 日本";
        assertSame(plain, Printable.of(plain));
        assertEquals("a\\x0ab\\x1b[2J\\x7f\\x9bc\\u202eevil", Printable.of("a\nb\u001b[2J\u007f\u009bc\u202eevil"));
        assertEquals("null", Printable.of(null));
    }
}

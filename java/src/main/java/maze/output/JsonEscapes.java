package maze.output;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * JSON escapes for text from a core: every control character, DEL included, as {@code \\u00XX}.
 * With non-ASCII escaped too (C1 controls, bidi overrides), the JSON is plain printable ASCII.
 */
public final class JsonEscapes extends CharacterEscapes {
    private final int[] ascii;

    public JsonEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return null; // only standard escapes are used
    }
}

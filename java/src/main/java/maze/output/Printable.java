package maze.output;

/**
 * Text from a core or a bundle (a process's own argv, paths it mapped, names it chose) made safe
 * for a terminal: control characters (C0, DEL, C1) and bidirectional overrides are written as
 * escapes, so such text can neither forge a line of maze's output nor move the cursor.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code null} stays "null", as string concatenation would print it. */
    public static String of(Object value) {
        String s = String.valueOf(value);
        if (s.codePoints().noneMatch(Printable::unsafe)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            if (!unsafe(c)) {
                b.appendCodePoint(c);
            } else if (c < 0x100) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.append(String.format("\\u%04x", c));
            }
        });
        return b.toString();
    }

    private static boolean unsafe(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}

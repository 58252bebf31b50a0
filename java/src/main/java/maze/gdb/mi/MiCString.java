package maze.gdb.mi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * C-string escapes as gdb writes them. gdb escapes bytes, not characters (a UTF-8 "é" arrives as
 * {@code \303\251}), so unescaping collects bytes and decodes UTF-8 at the end.
 */
public final class MiCString {
    private MiCString() {
    }

    /**
     * Unescapes {@code s[from..to)}, the inside of a C string. Characters up to U+00FF stand for one
     * byte each (gdb's output is read as ISO-8859-1 so raw UTF-8 bytes survive); others are
     * encoded as UTF-8.
     */
    public static String unescape(CharSequence s, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            char c = s.charAt(i++);
            if (c != '\\' || i >= to) {
                putChar(bytes, c);
                continue;
            }
            char e = s.charAt(i++);
            if (isOctal(e)) {
                int v = e - '0';
                for (int n = 0; n < 2 && i < to && isOctal(s.charAt(i)); n++) {
                    v = v * 8 + (s.charAt(i++) - '0');
                }
                bytes.write(v & 0xff);
            } else {
                bytes.write(simpleEscape(e));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Quotes {@code text} as an MI C string (for command arguments: paths, console commands). */
    public static String quote(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (byte x : text.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        b.append('\\').append(Integer.toOctalString(0x200 | c).substring(1));
                    } else {
                        b.append((char) c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private static int simpleEscape(char e) {
        return switch (e) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'a' -> 7;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'v' -> 11;
            case 'e' -> 27;
            default -> e; // \\ \" \' and anything unknown stand for themselves
        };
    }

    private static void putChar(ByteArrayOutputStream bytes, char c) {
        if (c <= 0xff) {
            bytes.write(c);
        } else {
            bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
    }
}

package maze.gdb.mi;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Parses one line of GDB/MI output into a typed record. Pure: no I/O, no state between lines.
 * The line is expected as gdb wrote it, decoded as ISO-8859-1 (see {@link MiCString}).
 */
public final class MiParser {
    private final String line;
    private int pos;

    private MiParser(String line) {
        this.line = line;
    }

    public static MiRecord parse(String line) {
        String l = stripEol(line);
        if (l.equals("(gdb)") || l.equals("(gdb) ")) {
            return new MiPrompt();
        }
        return new MiParser(l).record();
    }

    private MiRecord record() {
        OptionalLong token = token();
        char marker = next();
        switch (marker) {
            case '^' -> {
                return new MiResultRecord(token, word(), tail());
            }
            case '*', '+', '=' -> {
                return new MiAsyncRecord(token, asyncKind(marker), word(), tail());
            }
            case '~', '@', '&' -> {
                if (token.isPresent()) {
                    throw error("a stream record has no token");
                }
                String text = cstring();
                expectEnd();
                return new MiStreamRecord(streamKind(marker), text);
            }
            default -> throw error("unknown record type '" + marker + "'");
        }
    }

    private OptionalLong token() {
        int start = pos;
        while (pos < line.length() && Character.isDigit(line.charAt(pos))) {
            pos++;
        }
        return pos == start ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(line.substring(start, pos)));
    }

    /** The results after a record's class: {@code ,a=..,b=..} up to the end of the line. */
    private MiTuple tail() {
        List<MiResult> results = new ArrayList<>();
        while (pos < line.length()) {
            expect(',');
            results.add(result());
        }
        return new MiTuple(results);
    }

    private MiResult result() {
        int eq = line.indexOf('=', pos);
        if (eq < 0) {
            throw error("expected name=value");
        }
        String name = line.substring(pos, eq);
        pos = eq + 1;
        return new MiResult(name, value());
    }

    private MiValue value() {
        char c = peek();
        return switch (c) {
            case '"' -> new MiConst(cstring());
            case '{' -> tuple();
            case '[' -> list();
            default -> throw error("expected a value");
        };
    }

    private MiTuple tuple() {
        expect('{');
        List<MiResult> results = new ArrayList<>();
        if (peek() != '}') {
            do {
                results.add(result());
            } while (accept(','));
        }
        expect('}');
        return new MiTuple(results);
    }

    private MiList list() {
        expect('[');
        List<MiValue> values = new ArrayList<>();
        List<MiResult> results = new ArrayList<>();
        if (peek() != ']') {
            boolean ofValues = "\"{[".indexOf(peek()) >= 0;
            do {
                if (ofValues) {
                    values.add(value());
                } else {
                    results.add(result());
                }
            } while (accept(','));
        }
        expect(']');
        return new MiList(values, results);
    }

    /** A C string starting at pos; escapes are skipped over here and decoded by MiCString. */
    private String cstring() {
        expect('"');
        int start = pos;
        while (pos < line.length() && line.charAt(pos) != '"') {
            pos += line.charAt(pos) == '\\' ? 2 : 1;
        }
        if (pos >= line.length()) {
            throw error("unterminated string");
        }
        String text = MiCString.unescape(line, start, pos);
        pos++;
        return text;
    }

    private String word() {
        int start = pos;
        while (pos < line.length() && line.charAt(pos) != ',') {
            pos++;
        }
        if (pos == start) {
            throw error("expected a record class");
        }
        return line.substring(start, pos);
    }

    private static MiAsyncRecord.Kind asyncKind(char c) {
        return c == '*' ? MiAsyncRecord.Kind.EXEC : c == '+' ? MiAsyncRecord.Kind.STATUS : MiAsyncRecord.Kind.NOTIFY;
    }

    private static MiStreamRecord.Kind streamKind(char c) {
        return c == '~' ? MiStreamRecord.Kind.CONSOLE : c == '@' ? MiStreamRecord.Kind.TARGET : MiStreamRecord.Kind.LOG;
    }

    private char peek() {
        if (pos >= line.length()) {
            throw error("unexpected end of line");
        }
        return line.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private boolean accept(char c) {
        if (pos < line.length() && line.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private void expectEnd() {
        if (pos != line.length()) {
            throw error("text after the end of the record");
        }
    }

    private MiParseException error(String what) {
        return new MiParseException(what + " at column " + pos + " of MI line: " + line);
    }

    private static String stripEol(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}

package maze.gdb.mi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the GDB/MI transcripts recorded by test resources gdb/transcripts/record.sh. */
public final class Transcripts {
    public static final List<String> ALL = List.of("libc.mi", "ld.mi", "shapes.mi", "nodwarf.mi", "escapes.mi", "core.mi");

    private Transcripts() {
    }

    /** The lines of a transcript, decoded as gdb's output is (ISO-8859-1: one char per byte). */
    public static List<String> lines(String name) {
        try (InputStream in = Transcripts.class.getResourceAsStream("/gdb/transcripts/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test resource gdb/transcripts/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of a transcript that starts with {@code prefix}. */
    public static String line(String name, String prefix) {
        return lines(name).stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no line starting with " + prefix));
    }

    /** The console text gdb printed for the command sent with {@code token}. */
    public static String console(String name, long token) {
        StringBuilder out = new StringBuilder();
        for (String l : lines(name)) {
            MiRecord r = MiParser.parse(l);
            if (r instanceof MiStreamRecord s && s.kind() == MiStreamRecord.Kind.CONSOLE) {
                out.append(s.text());
            } else if (r instanceof MiResultRecord rr) {
                if (rr.token().orElse(-1) == token) {
                    return out.toString();
                }
                out.setLength(0);
            }
        }
        throw new AssertionError(name + " has no reply with token " + token);
    }
}

package maze.pack;

import java.io.IOException;
import java.nio.file.Path;

/** A bundle that cannot be used: the message names the bundle, the entry (when one is at fault) and the problem. */
public final class BundleException extends IOException {
    public BundleException(Path bundle, String entry, String problem) {
        super(bundle + (entry != null ? ": entry '" + printable(entry) + "'" : "") + ": " + problem);
    }

    public BundleException(Path bundle, String entry, String problem, Throwable cause) {
        this(bundle, entry, problem);
        initCause(cause);
    }

    /** Hostile names may carry control characters: never echo them raw to a terminal. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(300).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}

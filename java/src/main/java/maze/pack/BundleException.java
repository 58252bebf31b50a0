package maze.pack;

import java.io.IOException;
import java.nio.file.Path;

/** A bundle that cannot be used: the message names the bundle, the entry (when one is at fault) and the problem. */
public final class BundleException extends IOException {
    public BundleException(Path bundle, String entry, String problem) {
        super(bundle + (entry != null ? ": entry '" + maze.output.Printable.of(entry.length() > 300 ? entry.substring(0, 300) + "..." : entry) + "'" : "") + ": " + problem);
    }

    public BundleException(Path bundle, String entry, String problem, Throwable cause) {
        this(bundle, entry, problem);
        initCause(cause);
    }
}

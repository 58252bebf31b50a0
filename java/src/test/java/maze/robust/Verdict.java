package maze.robust;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Whether one run on a damaged core ended acceptably; null when it did, else why not. */
final class Verdict {
    private static final List<Integer> CLEAR_ERRORS = List.of(3, 4, 6);
    /** A result with warnings saying it is partial: still a listing, which must be sound. */
    private static final int PARTIAL = 7;

    private Verdict() {
    }

    static String of(GuardedRun.Outcome o, Path listing) throws IOException {
        try {
            if (o.timedOut()) {
                return "hang: no result within the time limit, running" + o.stderr();
            }
            if (o.escaped() != null) {
                return "escaped: " + trace(o.escaped());
            }
            if (o.exit() == 0 || o.exit() == PARTIAL) {
                String[] why = new String[1];
                return GuardedRun.rows(listing, why) == null ? "bad listing: " + why[0] : null;
            }
            if (!CLEAR_ERRORS.contains(o.exit())) {
                return "exit " + o.exit() + ": " + o.stderr();
            }
            return oneLine(o.stderr());
        } finally {
            Files.deleteIfExists(listing);
        }
    }

    /** A clear error: a "maze: ..." line with a message and no stack trace. */
    private static String oneLine(String stderr) {
        List<String> lines = stderr.lines().toList();
        boolean trace = lines.stream().anyMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by"));
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        if (trace || !last.startsWith("maze: ") || last.equals("maze: null")) {
            return "error without a clear one-line message: " + stderr;
        }
        return null;
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}

package maze.cli;

import java.io.PrintWriter;
import maze.pack.AnalysisInput;

/** A bundle's own warnings (UNVERIFIED, BUILD-ID MISMATCH, links it could not make), shown on stderr. */
final class BundleWarnings {
    private BundleWarnings() {
    }

    static void show(AnalysisInput in, PrintWriter err) {
        if (in.bundle() == null) {
            return;
        }
        for (String w : in.bundle().warnings()) {
            err.println("maze: WARNING: bundle: " + maze.output.Printable.of(w));
        }
        err.flush();
    }
}

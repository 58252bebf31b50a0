package maze.testing;

import java.io.IOException;
import java.util.List;

/** The tcmalloc builds tests/provision/tcmalloc.sh provisioned (kinds: dwarf, debian-stripped). */
public final class TcmallocBuilds {
    private TcmallocBuilds() {
    }

    /** Every build in the index; fails in CI (skips locally) when the script has not run. */
    public static List<MimallocBuilds.Build> all() throws IOException {
        return MimallocBuilds.read("tcmalloc-index.tsv", "tcmalloc.sh");
    }
}

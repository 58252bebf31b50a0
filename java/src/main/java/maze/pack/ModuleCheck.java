package maze.pack;

import java.nio.file.Files;
import maze.core.Module;

/** Whether a module's file on this host can go into a bundle, and what is wrong with it. */
final class ModuleCheck {
    private ModuleCheck() {
    }

    static boolean packable(Module m) {
        return m.path() != null && m.path().startsWith("/") && m.localFile() != null
                && Files.isRegularFile(m.localFile());
    }

    /** A loud one-line warning, or null when the file is there and is the one the process ran. */
    static String problem(Module m) {
        if (m.path() == null || !m.path().startsWith("/")) {
            return null; // linux-vdso.so.1 and the like: no file anywhere, the core holds their pages
        }
        if (!packable(m)) {
            return "NOT PACKED: " + m.path() + ": no such file on this host"
                    + (m.localFile() != null ? " (looked at " + m.localFile() + ")" : "");
        }
        if (m.buildId() != null && m.fileBuildId() != null && !m.buildId().equals(m.fileBuildId())) {
            return "BUILD-ID MISMATCH, packed anyway: " + m.localFile() + " has build-id " + m.fileBuildId()
                    + " but the process ran " + m.buildId()
                    + " (the file changed since): an analysis with it may be wrong";
        }
        if (m.buildId() != null && m.fileBuildId() == null) {
            return "UNVERIFIED: " + m.localFile() + " has no build-id; the core's copy says " + m.buildId();
        }
        return null;
    }
}

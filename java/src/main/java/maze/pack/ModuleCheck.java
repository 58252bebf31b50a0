package maze.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import maze.core.CoreFormatException;
import maze.core.ElfFile;
import maze.core.Module;

/**
 * Whether a file on this host provably belongs to the packed process. The paths in a core's notes
 * are chosen by the process's owner (and links under them can change before root packs), so a
 * file is packed only when it is a regular file reached without any symbolic link, an ELF file,
 * and carries the build-id the core recorded for the module.
 */
final class ModuleCheck {
    private ModuleCheck() {
    }

    /**
     * A file checked for packing: its attributes when checked (the packer refuses a file that
     * changed since), and the problem that keeps it out (null: proven).
     */
    record Verdict(Path file, BasicFileAttributes seen, boolean followsLinks, String problem) {
        boolean proven() {
            return problem == null;
        }
    }

    /** {@code m}'s path as the extractor will check it ('//' and '.' collapsed), or null when it cannot be packed. */
    static String entryPath(Module m) {
        if (m.path() == null || !m.path().startsWith("/")) {
            return null;
        }
        String p = Path.of(m.path()).normalize().toString();
        return EntryNames.absolutePathRefusal(p) == null ? p : null;
    }

    /** The module's own file: no link on the way unless {@code userGiven} (an --exe the user named). */
    static Verdict module(Module m, boolean userGiven) {
        Path f = m.localFile();
        if (f == null || !Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
            return new Verdict(f, null, false, "no such file on this host" + (f != null ? " (looked at " + f + ")" : ""));
        }
        if (entryPath(m) == null) {
            return new Verdict(f, null, false, "its path '" + m.path() + "' is no plain absolute path");
        }
        if (!userGiven) {
            String link = linkProblem(f);
            if (link != null) {
                return new Verdict(f, null, false, link);
            }
        }
        return elf(f, m.buildId(), userGiven);
    }

    /** A separate debug file, looked up by build-id in the debug folders: its build-id must be the module's. */
    static Verdict debug(Path f, Module m) {
        String id = m.buildId() != null ? m.buildId() : m.fileBuildId();
        return elf(f, id, true);
    }

    private static Verdict elf(Path f, String expected, boolean followsLinks) {
        BasicFileAttributes seen;
        String id;
        try {
            seen = followsLinks ? Files.readAttributes(f, BasicFileAttributes.class)
                    : Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!seen.isRegularFile()) {
                return new Verdict(f, null, followsLinks, f + " is not a regular file");
            }
            try (ElfFile elf = ElfFile.open(f)) {
                id = elf.buildId();
            }
        } catch (IOException | CoreFormatException e) {
            return new Verdict(f, null, followsLinks, f + " is no readable ELF file (" + e.getMessage() + ")");
        }
        return new Verdict(f, seen, followsLinks, idProblem(f, id, expected));
    }

    private static String idProblem(Path f, String id, String expected) {
        if (expected == null) {
            return "UNVERIFIED: the core records no build-id to check " + f + " against";
        }
        if (id == null) {
            return "UNVERIFIED: " + f + " has no build-id; the core's copy says " + expected;
        }
        return id.equals(expected) ? null : "BUILD-ID MISMATCH: " + f + " has build-id " + id
                + " but the process ran " + expected + " (the file changed since)";
    }

    /** Refuses a path with a symbolic link in any component: its real path must be the path itself. */
    private static String linkProblem(Path f) {
        Path plain = f.toAbsolutePath().normalize();
        try {
            Path real = f.toRealPath();
            return real.equals(plain) ? null : f + " goes through a symbolic link (to " + real + ")";
        } catch (IOException e) {
            return f + " cannot be resolved: " + e.getMessage();
        }
    }
}

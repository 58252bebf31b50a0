package maze.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files of the maze cache that only this user may change: what maze reads back from
 * them (struct layouts, the script gdb runs) steers the analysis, so a file another user can write
 * is never trusted.
 */
public final class PrivateFolders {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateFolders() {
    }

    /** Creates {@code dir} and its missing parents 0700, then checks it; returns why it must not be used, or null. */
    public static String create(Path dir) {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (IOException e) {
            return "cannot create " + dir + ": " + e.getMessage();
        }
        return problem(dir);
    }

    /** Why {@code path} (a folder or file of the cache) must not be trusted, or null. */
    public static String problem(Path path) {
        try {
            Path real = path.toRealPath();
            int owner = (Integer) Files.getAttribute(real, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int me = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (owner != me) {
                return real + " belongs to another user (uid " + owner + ")";
            }
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(real, LinkOption.NOFOLLOW_LINKS);
            if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
                return real + " is writable by other users (" + PosixFilePermissions.toString(p) + ")";
            }
            return null;
        } catch (IOException | UnsupportedOperationException | ClassCastException e) {
            return "cannot check who owns " + path + ": " + e.getMessage();
        }
    }
}

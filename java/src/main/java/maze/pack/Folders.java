package maze.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import maze.output.TempPaths;

/** Private folders for extracted bundles: created 0700, paths kept inside them, removed whole. */
final class Folders {
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private Folders() {
    }

    /** A new folder only its owner can enter (extracted bundles and scratch cores hold a process's memory). */
    static Path createPrivateTemp(Path parent) throws IOException {
        Path dir = Files.createTempDirectory(parent, "maze-bundle-", PRIVATE);
        TempPaths.register(dir);
        return dir;
    }

    /** {@code root/relative} after its name was checked; refuses anything that would resolve outside. */
    static Path inside(Path root, String relative) {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IllegalArgumentException(relative + " leaves " + root);
        }
        return p;
    }

    static void create(Path root, String relative) throws IOException {
        createAll(root, inside(root, relative));
    }

    /** The path for a new file, its folders created; every folder on the way must be a real folder of ours. */
    static Path fileIn(Path root, String relative) throws IOException {
        Path p = inside(root, relative);
        createAll(root, p.getParent());
        return p;
    }

    /** One component at a time from the root down: no recursion, however deep a hostile name is. */
    private static void createAll(Path root, Path dir) throws IOException {
        if (dir.equals(root)) {
            return;
        }
        Path at = root;
        for (Path part : root.relativize(dir)) {
            at = at.resolve(part);
            if (!Files.isDirectory(at, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(at, PRIVATE);
            }
        }
    }

    /** Removes {@code root} and all below it, never following a link out of it. */
    static void deleteTree(Path root) throws IOException {
        TempPaths.deleteTree(root);
        TempPaths.release(root);
    }
}

package maze.pack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Private folders for extracted bundles: created 0700, paths kept inside them, removed whole. */
final class Folders {
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private Folders() {
    }

    /** A new folder only its owner can enter (extracted bundles and scratch cores hold a process's memory). */
    static Path createPrivateTemp(Path parent) throws IOException {
        return Files.createTempDirectory(parent, "maze-bundle-", PRIVATE);
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

    private static void createAll(Path root, Path dir) throws IOException {
        if (dir.equals(root)) {
            return;
        }
        createAll(root, dir.getParent());
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(dir, PRIVATE);
        }
    }

    /** Removes {@code root} and all below it, never following a link out of it. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

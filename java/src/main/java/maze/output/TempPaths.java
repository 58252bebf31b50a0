package maze.output;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every temporary file and folder this run made (partial outputs, extracted bundles, scratch
 * cores): a shutdown hook removes what is still registered, so SIGINT or SIGTERM (the JVM then
 * exits 130 or 143) leaves no copy of a process's memory behind.
 */
public final class TempPaths {
    private static final Set<Path> LIVE = new LinkedHashSet<>();
    private static boolean hooked;

    private TempPaths() {
    }

    /** Removes {@code path} (a file or a whole folder) at exit unless {@link #release}d first. */
    public static synchronized void register(Path path) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(TempPaths::removeAll, "maze-temp-cleanup"));
            hooked = true;
        }
        LIVE.add(path);
    }

    /** The caller removed or published {@code path} itself. */
    public static synchronized void release(Path path) {
        LIVE.remove(path);
    }

    static synchronized List<Path> live() {
        return new ArrayList<>(LIVE);
    }

    /** The run's threads may still be writing into a folder while it goes: a few passes catch their last files. */
    private static void removeAll() {
        for (int pass = 0; pass < 5 && !live().isEmpty(); pass++) {
            for (Path p : live()) {
                try {
                    deleteTree(p);
                    release(p);
                } catch (IOException | RuntimeException e) {
                    // the run is ending: try the others, then this one again
                }
            }
        }
    }

    /** Removes {@code root} and all below it, never following a link out of it. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

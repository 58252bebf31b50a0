package maze.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The maze cache folder, and files maze ships in its jar but must hand to another program by path
 * (gdb's maze.py, the dlopen probe). The cache is the system property maze.cache.dir, else
 * $MAZE_CACHE_DIR, else $XDG_CACHE_HOME/maze, else ~/.cache/maze.
 */
public final class CacheFiles {
    private CacheFiles() {
    }

    public static Path root() {
        String prop = System.getProperty("maze.cache.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("MAZE_CACHE_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "maze");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "maze");
    }

    /** The bytes of class path resource {@code name}; NoSuchFileException when the jar lacks it. */
    public static byte[] resource(String name) throws IOException {
        try (InputStream in = CacheFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new NoSuchFileException(name, null, "not on the class path (build with mvn package)");
            }
            return in.readAllBytes();
        }
    }

    /**
     * {@code bytes} as {@code <cache>/<folder>/<sha256 prefix>/<name>}. A file found there is used
     * only when its bytes are these (a stale or altered copy is rewritten); it is published by an
     * atomic move, so a concurrent maze never runs a half-written file. When the cache cannot be
     * written, a temporary file (deleted at exit) serves instead.
     */
    public static Path extract(byte[] bytes, String folder, String name, boolean executable) throws IOException {
        Path dir = root().resolve(folder).resolve(sha256(bytes).substring(0, 16));
        Path file = dir.resolve(name);
        try {
            // a file another user may change could be swapped after the check: use only a private folder
            String unsafe = PrivateFolders.create(dir);
            if (unsafe != null) {
                throw new IOException(unsafe);
            }
            if (Files.isRegularFile(file) && (!executable || Files.isExecutable(file)) && PrivateFolders.problem(file) == null
                    && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return file;
            }
            Path tmp = write(Files.createTempFile(dir, "maze", ".tmp"), bytes, executable);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            Path tmp = Files.createTempFile("maze-", "-" + name);
            tmp.toFile().deleteOnExit();
            return write(tmp, bytes, executable);
        }
    }

    private static Path write(Path file, byte[] bytes, boolean executable) throws IOException {
        Files.write(file, bytes);
        if (executable && !file.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + file + " executable");
        }
        return file;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package maze.layout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * gdb-scripts/maze.py as a file gdb can source. The jar carries it as a resource; gdb needs a
 * path, so it is written once to {@code <maze cache>/gdb-scripts/<sha256 prefix>/maze.py}. A file
 * found there is used only when its bytes are the jar's (a stale or altered copy is rewritten), and
 * a cache that cannot be written gets a temporary file instead. It is our own code: nothing from
 * the analyzed process is ever sourced.
 */
final class LayoutScript {
    static final String RESOURCE = "/maze/gdb-scripts/maze.py";

    private LayoutScript() {
    }

    /** The path of a file holding the bundled maze.py; LayoutException when the jar lacks it. */
    static Path extracted() {
        byte[] text = bundled();
        Path dir = LayoutCache.mazeCacheRoot().resolve("gdb-scripts").resolve(sha256(text).substring(0, 16));
        Path file = dir.resolve("maze.py");
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), text)) {
                return file;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "maze", ".tmp");
            Files.write(tmp, text);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            return temporaryCopy(text);
        }
    }

    private static Path temporaryCopy(byte[] text) {
        try {
            Path tmp = Files.createTempFile("maze-", ".py");
            tmp.toFile().deleteOnExit();
            return Files.write(tmp, text);
        } catch (IOException e) {
            throw new LayoutException("cannot write maze.py for gdb to source: " + e.getMessage(), e);
        }
    }

    private static byte[] bundled() {
        try (InputStream in = LayoutScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new LayoutException("the classpath lacks " + RESOURCE + " (build with mvn package)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new LayoutException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

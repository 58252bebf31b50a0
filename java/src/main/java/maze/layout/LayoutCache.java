package maze.layout;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import maze.cache.CacheFiles;

/**
 * Layout answers on disk, one JSON file per module: {@code DIR/<build-id>.json}. DIR is
 * {@code <maze cache>/layouts} (the maze cache: {@link CacheFiles#root}). A file that cannot be read is
 * ignored (and rewritten), never an error: the cache only saves time.
 */
public final class LayoutCache {
    private final Path dir;

    private LayoutCache(Path dir) {
        this.dir = dir;
    }

    public static LayoutCache at(Path dir) {
        return new LayoutCache(dir);
    }

    /** A cache that remembers nothing (every request asks gdb). */
    public static LayoutCache disabled() {
        return new LayoutCache(null);
    }

    /** The cache in the standard place (see the class comment). */
    public static LayoutCache standard() {
        return at(CacheFiles.root().resolve("layouts"));
    }

    /** The folder, or null when disabled. */
    public Path dir() {
        return dir;
    }

    /** What is cached under {@code key}, or null. */
    public ModuleLayouts read(String key) {
        if (dir == null) {
            return null;
        }
        Path f = file(key);
        try {
            return Files.isRegularFile(f) ? LayoutJson.module(LayoutJson.MAPPER.readTree(f.toFile())) : null;
        } catch (IOException | RuntimeException e) {
            return null; // a torn or foreign file: fetch again and overwrite it
        }
    }

    /**
     * Stores {@code m} under {@code key}, atomically (readers never see half a file). A cache that
     * cannot be written (read-only home) only costs time, so that is not an error.
     */
    public void write(String key, ModuleLayouts m) {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            JsonNode json = LayoutJson.module(m);
            LayoutJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), json);
            try {
                Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // next run asks gdb again
        }
    }

    Path file(String key) {
        if (!key.matches("[0-9a-z][0-9a-z-]*")) {
            throw new IllegalArgumentException("bad layout cache key: " + key);
        }
        return dir.resolve(key + ".json");
    }
}

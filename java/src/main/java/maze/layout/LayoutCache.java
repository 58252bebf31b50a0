package maze.layout;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.LinkOption;
import java.util.function.Consumer;
import maze.cache.CacheFiles;
import maze.cache.PrivateFolders;

/**
 * Layout answers on disk, one JSON file per module: {@code DIR/<build-id>.json}. DIR is
 * {@code <maze cache>/layouts} (the maze cache: {@link CacheFiles#root}), created 0700, its files
 * 0600. A file that cannot be read is ignored (and rewritten), never an error: the cache only
 * saves time. An entry is believed only after {@link LayoutCheck}; a folder or file another user
 * owns or may write is not used at all. Both cases are warnings.
 */
public final class LayoutCache {
    private final Path dir;
    private final Consumer<String> warnings;

    private LayoutCache(Path dir, Consumer<String> warnings) {
        this.dir = dir;
        this.warnings = warnings;
    }

    /** A cache in {@code dir} whose warnings go to stderr. */
    public static LayoutCache at(Path dir) {
        return at(dir, w -> System.err.println("maze: WARNING: " + w));
    }

    public static LayoutCache at(Path dir, Consumer<String> warnings) {
        return new LayoutCache(dir, warnings);
    }

    /** A cache that remembers nothing (every request asks gdb). */
    public static LayoutCache disabled() {
        return new LayoutCache(null, w -> { });
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
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        String unsafe = PrivateFolders.problem(dir);
        unsafe = unsafe != null ? unsafe : PrivateFolders.problem(f);
        if (unsafe != null) {
            warnings.accept("layout cache not used: " + unsafe);
            return null;
        }
        try {
            JsonNode json = LayoutJson.MAPPER.readTree(f.toFile());
            String problem = LayoutCheck.problem(key, json);
            if (problem != null) {
                warnings.accept("layout cache entry " + f + " discarded and fetched again: " + problem);
                return null;
            }
            return LayoutJson.module(json);
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
        String unsafe = PrivateFolders.create(dir);
        if (unsafe != null) {
            warnings.accept("layout cache not written: " + unsafe);
            return;
        }
        try {
            Path tmp = Files.createTempFile(dir, key, ".tmp"); // 0600
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

package maze.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The mimalloc builds tests/provision/mimalloc.sh provisioned, read from its index. */
public final class MimallocBuilds {
    private MimallocBuilds() {
    }

    /** One provisioned library: kind is debug, relwithdebinfo, debian-rebuild or debian-stripped. */
    public record Build(String name, String version, String kind, Path path, String buildId) {
        public boolean hasDwarf() {
            return !kind.equals("debian-stripped");
        }
    }

    public static Path cacheDir() {
        String env = System.getenv("MAZE_ALLOCATORS_CACHE");
        return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "maze-allocators");
    }

    /** Every build in the index; fails in CI (skips locally) when the script has not run. */
    public static List<Build> all() throws IOException {
        return index("mimalloc-index.tsv", "tests/provision/mimalloc.sh");
    }

    /** Every build in the cache's index file {@code name}, which {@code script} writes (jemalloc.sh too). */
    public static List<Build> index(String name, String script) throws IOException {
        Path index = cacheDir().resolve(name);
        Fixtures.require(Files.isRegularFile(index), index + " is missing: run " + script);
        return Files.readAllLines(index).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .map(f -> new Build(f[0], f[1], f[2], Path.of(f[3]), f[4]))
                .collect(Collectors.toList());
    }

    /** The build called {@code name} (e.g. "debian-2.0.9"). */
    public static Build named(String name) throws IOException {
        return all().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no provisioned mimalloc build " + name));
    }
}

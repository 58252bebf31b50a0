package maze.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The mimalloc builds tests/provision/mimalloc.sh provisioned, read from its index, and the
 * upstream reference builds in ../shared/allocators/mimalloc/ beside the project.
 */
public final class MimallocBuilds {
    /** Release tags of the reference builds, oldest first (see ../shared/allocators/README.md). */
    public static final List<String> REFERENCE_TAGS = List.of(
            "v1.0.0", "v1.1.0", "v1.6.7", "v2.1.7", "v2.2.7", "v3.1.6", "v3.3.2", "v3.4.3");
    /** Kind of the reference builds: upstream tags, RelWithDebInfo shared libraries (DWARF). */
    public static final String UPSTREAM = "upstream";
    /** Kind of a reference build's static archive, linked into the fixture by CMake. */
    public static final String UPSTREAM_STATIC = "upstream-static";
    /** The tag whose static archive tests/fixtures/CMakeLists.txt links into heap_truth_mi_static. */
    public static final String STATIC_TAG = "v3.1.6";
    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

    private MimallocBuilds() {
    }

    /**
     * One library: kind is debug, relwithdebinfo, debian-rebuild, debian-stripped, upstream, or
     * upstream-stripped (a copy a test stripped).
     */
    public record Build(String name, String version, String kind, Path path, String buildId) {
        public boolean hasDwarf() {
            return !kind.endsWith("-stripped");
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

    /** The rows of a provisioning script's index in the cache (the tcmalloc builds use it too). */
    static List<Build> read(String indexName, String script) throws IOException {
        return index(indexName, "tests/provision/" + script);
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

    /** The reference builds' folder, {@code ../shared/allocators/mimalloc} from the project root. */
    public static Path referenceDir(Path project) {
        return project.toAbsolutePath().resolve("../shared/allocators/mimalloc").normalize();
    }

    /** The reference builds' shared libraries (build-id not read); fails in CI, skips locally, when one is missing. */
    public static List<Build> reference(Path project) throws IOException {
        Path dir = referenceDir(project);
        Fixtures.require(Files.isDirectory(dir), dir + " is missing: the reference mimalloc builds");
        List<Build> builds = new ArrayList<>();
        for (String tag : REFERENCE_TAGS) {
            String version = tag.substring(1);
            builds.add(new Build(UPSTREAM + "-" + version, version, UPSTREAM, sharedLibrary(dir.resolve(tag)), ""));
        }
        return builds;
    }

    /** The reference static archive the linked fixture was built with; fails in CI, skips locally, when missing. */
    public static Build referenceStatic(Path project) {
        Path archive = referenceDir(project).resolve(STATIC_TAG).resolve("libmimalloc.a");
        Fixtures.require(Files.isRegularFile(archive), archive + " is missing: the reference mimalloc builds");
        String version = STATIC_TAG.substring(1);
        return new Build(UPSTREAM + "-" + version + "-static", version, UPSTREAM_STATIC, archive, "");
    }

    /** The tag folder's ELF libmimalloc.so* (the other names there are link stubs holding a file name). */
    static Path sharedLibrary(Path tagDir) throws IOException {
        Optional<Path> elf = Optional.empty();
        if (Files.isDirectory(tagDir)) {
            try (Stream<Path> files = Files.list(tagDir)) {
                elf = files.filter(f -> f.getFileName().toString().startsWith("libmimalloc.so"))
                        .filter(MimallocBuilds::isElf).sorted().findFirst();
            }
        }
        Fixtures.require(elf.isPresent(), tagDir + " holds no ELF libmimalloc.so*");
        return elf.get();
    }

    private static boolean isElf(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            return Arrays.equals(in.readNBytes(4), ELF_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /** The build called {@code name} (e.g. "debian-2.0.9"). */
    public static Build named(String name) throws IOException {
        return all().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no provisioned mimalloc build " + name));
    }
}

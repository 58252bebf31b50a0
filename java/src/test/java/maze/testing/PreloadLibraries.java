package maze.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The allocators scenario tests LD_PRELOAD into a fixture; each fails loudly in CI when missing. */
public final class PreloadLibraries {
    private PreloadLibraries() {
    }

    /** Debian's libtcmalloc_minimal.so.4 (stripped; maze walks it by its built-in table). */
    public static Path debianTcmalloc() {
        Path lib = Path.of("/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4");
        Fixtures.require(Files.isRegularFile(lib), "apt-get install libtcmalloc-minimal4");
        return lib;
    }

    /** A provisioned mimalloc 2.x relwithdebinfo build. */
    public static Path mimalloc2() throws java.io.IOException {
        Path lib = MimallocBuilds.all().stream()
                .filter(b -> b.version().startsWith("2.") && b.kind().equals("relwithdebinfo"))
                .map(MimallocBuilds.Build::path).findFirst().orElse(null);
        Fixtures.require(lib != null, "a mimalloc 2.x relwithdebinfo build (tests/provision/mimalloc.sh)");
        return lib;
    }

    /**
     * A jemalloc 5.3 build tests/provision/jemalloc.sh indexed: {@code debian-stripped} (Debian's
     * libjemalloc.so.2, walked by its built-in table) or {@code debian-rebuild} (DWARF).
     */
    public static Path jemalloc(String kind) throws java.io.IOException {
        Path lib = MimallocBuilds.index("jemalloc-index.tsv", "tests/provision/jemalloc.sh").stream()
                .filter(b -> b.kind().equals(kind)).map(MimallocBuilds.Build::path).findFirst().orElse(null);
        Fixtures.require(lib != null, "a jemalloc build of kind " + kind + " (tests/provision/jemalloc.sh)");
        return lib;
    }

    /** The provisioned mimalloc 3.x builds (Debian's 3.0.1, pages by the page map; 3.6.0, by area slots). */
    public static List<Path> mimalloc3() throws java.io.IOException {
        List<Path> libs = MimallocBuilds.all().stream().filter(b -> b.version().startsWith("3."))
                .map(MimallocBuilds.Build::path).toList();
        Fixtures.require(!libs.isEmpty(), "a mimalloc 3.x build (tests/provision/mimalloc.sh)");
        return libs;
    }
}

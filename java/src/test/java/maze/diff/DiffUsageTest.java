package maze.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import maze.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * maze diff's and the pages' command-line mistakes: each a one-line error with exit 2 before any
 * core is read, and no input is ever written.
 */
class DiffUsageTest {
    @TempDir
    Path dir;

    private void refused(String expected, String... args) {
        CliRun r = CliRun.maze(args);
        assertEquals(2, r.exit(), r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("maze: ") && first.contains(expected), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void mistakesAreRefusedBeforeAnyCoreIsRead() throws Exception {
        Path a = Files.writeString(dir.resolve("A"), "not a core");
        Path b = Files.writeString(dir.resolve("B"), "not a core either");
        byte[] before = Files.readAllBytes(a);
        refused("--json", "diff", a.toString(), b.toString(), "--json", a.toString());
        refused("--html", "diff", a.toString(), b.toString(), "--html", b.toString());
        refused("--html", "analyze", a.toString(), "--html", a.toString());
        refused("-o", "diff", a.toString(), b.toString(), "--list", "new", "-o", a.toString());
        refused("--list takes new, gone, reused or survivors", "diff", a.toString(), b.toString(), "--list", "born");
        refused("not with --by-type-only", "diff", a.toString(), b.toString(), "--by-type-only", "--list", "gone");
        refused("--retained follows blocks by address", "diff", a.toString(), b.toString(), "--by-type-only", "--retained");
        refused("-o names where --list writes", "diff", a.toString(), b.toString(), "-o", dir.resolve("x").toString());
        refused("both write to stdout", "diff", a.toString(), b.toString(), "--list", "new", "--json", "-");
        refused("CORE", "diff", a.toString());
        assertArrayEquals(before, Files.readAllBytes(a), "the input is untouched");
    }

    @Test
    void diffExplainsItselfWithHelp() {
        CliRun r = CliRun.maze("diff", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: maze diff") && r.out().contains("--by-type-only") && r.out().contains("--list"),
                r.out());
        CliRun top = CliRun.maze("--help");
        assertTrue(top.out().contains("  diff "), "maze --help lists diff: " + top.out());
    }

    @Test
    void aFileThatIsNoCoreIsOneLine() throws Exception {
        Path a = Files.writeString(dir.resolve("A"), "not a core");
        CliRun r = CliRun.maze("diff", a.toString(), a.toString(), "--no-progress");
        assertEquals(3, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(a.toString()), r.err());
    }
}

package maze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import maze.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad option values and help requests: one clear line or the help text, never a stack trace. */
class UsageErrorsTest {
    @Test
    void negativeNumbersAreUsageErrorsNamingTheOption() {
        CliRun blocks = CliRun.maze("blocks", "/nonexistent/core", "--min-size", "-5");
        assertEquals(ExitCode.USAGE.code, blocks.exit());
        assertTrue(blocks.err().startsWith("maze: --min-size"), blocks.err());
        assertFalse(blocks.err().contains("\tat "), blocks.err());
        CliRun analyze = CliRun.maze("analyze", "/nonexistent/core", "--top", "-1");
        assertEquals(ExitCode.USAGE.code, analyze.exit());
        assertTrue(analyze.err().startsWith("maze: --top"), analyze.err());
    }

    @Test
    void patternsGoWithRetainedButNotWithItsPage() {
        CliRun alone = CliRun.maze("analyze", "/nonexistent/core", "--retained");
        CliRun both = CliRun.maze("analyze", "/nonexistent/core", "--patterns", "--retained");
        assertTrue(both.exit() != ExitCode.USAGE.code && both.err().contains("/nonexistent/core"), both.err());
        assertEquals(alone.exit() + alone.err(), both.exit() + both.err(), "refused for the core, as without --patterns");
        CliRun page = CliRun.maze("analyze", "/nonexistent/core", "--patterns", "--retained", "--html", "x.html");
        assertEquals(ExitCode.USAGE.code, page.exit());
        assertTrue(page.err().startsWith("maze: --retained is shown as text or JSON"), page.err());
    }

    @Test
    void aMistypedCommandLineGetsTheErrorAndWhereTheHelpIsNotAllOfIt() {
        CliRun r = CliRun.maze("analyze", "/nonexistent/core", "--top", "abc");
        assertEquals(ExitCode.USAGE.code, r.exit());
        assertTrue(r.err().startsWith("maze: Invalid value for option '--top'"), r.err());
        assertTrue(r.err().contains("'maze analyze --help'"), r.err());
        // the error, the synopsis (3 lines at 80 columns since --retained) and where the help is
        assertTrue(r.err().lines().count() <= 5, r.err());
        assertFalse(r.err().contains("show the N largest types"), "no option descriptions: " + r.err());
        CliRun typo = CliRun.maze("analyse", "core");
        assertEquals(ExitCode.USAGE.code, typo.exit());
        assertTrue(typo.err().contains("analyze"), "suggests the command: " + typo.err());
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (String command : new String[] {"analyze", "blocks", "info", "layouts", "pack", "capture", "demo"}) {
            CliRun r = CliRun.maze(command, "--help");
            assertEquals(0, r.exit(), command + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: maze " + command), command + ": " + r.out());
        }
    }

    @Test
    void layoutsOfAFileThatIsNoElfIsBadInput(@TempDir Path tmp) throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "text\n");
        CliRun r = CliRun.maze("layouts", text.toString(), "malloc_state");
        assertEquals(ExitCode.BAD_INPUT.code, r.exit(), r.err());
        assertEquals("maze: " + text + ": not an ELF file (no ELF magic)", r.err().strip());
    }

    @Test
    void aFileExceptionWithoutReasonSaysWhatWentWrong() {
        assertEquals("/no/dir/x.json: no such file or folder",
                Failures.message(new NoSuchFileException("/no/dir/x.json")));
        assertEquals("/root/x: permission denied", Failures.message(new AccessDeniedException("/root/x")));
        assertEquals("/a: gone", Failures.message(new NoSuchFileException("/a", null, "gone")));
    }
}

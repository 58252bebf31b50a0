package maze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import maze.testing.CliRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** The subcommands registered only as needed: the names they are found by must be their own. */
class MainTest {
    @Test
    void eachSubcommandIsListedUnderTheNameItsCommandAnnotationGives() {
        for (Main.Subcommand c : Main.COMMANDS) {
            assertEquals(c.type().getAnnotation(Command.class).name(), c.name(), c.type().getName());
        }
        Set<String> names = Main.COMMANDS.stream().map(Main.Subcommand::name).collect(Collectors.toSet());
        assertEquals(Main.COMMANDS.size(), names.size(), "a name given twice");
    }

    @Test
    void aCommandLineNamingOneCommandRegistersThatOneAloneAnythingElseAll() {
        assertEquals(List.of("leaks"), Main.commandsFor("leaks", "core").stream().map(Main.Subcommand::name).toList());
        assertEquals(Main.COMMANDS, Main.commandsFor("leak", "core"));
        assertEquals(Main.COMMANDS, Main.commandsFor("--help"));
        assertEquals(Main.COMMANDS, Main.commandsFor());
    }

    @Test
    void theTopLevelHelpListsEveryCommandAndATypoGetsASuggestion() {
        CliRun help = CliRun.maze("--help");
        assertEquals(ExitCode.OK.code, help.exit());
        for (Main.Subcommand c : Main.COMMANDS) {
            assertTrue(help.out().contains("\n  " + c.name() + " "), c.name() + " missing in:\n" + help.out());
        }
        CliRun typo = CliRun.maze("analyz", "core");
        assertEquals(ExitCode.USAGE.code, typo.exit());
        assertTrue(typo.err().contains("Did you mean: maze analyze?"), typo.err());
    }
}

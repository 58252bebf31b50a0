package maze.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code maze layouts}: struct layouts of a library from its DWARF (placeholder). */
@Command(name = "layouts", description = "Print struct layouts of a library or executable as JSON.")
final class LayoutsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LIB", description = "the library or executable")
    Path lib;
    @Parameters(index = "1..*", paramLabel = "STRUCT", description = "struct or typedef names")
    List<String> structs;

    @Override
    public Integer call() {
        throw new UserError(ExitCode.INTERNAL, "layouts is not implemented yet");
    }
}

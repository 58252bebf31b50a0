package maze.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import maze.gdb.GdbOptions;
import maze.layout.DwarfLayoutProvider;
import maze.layout.LayoutCache;
import maze.layout.LayoutJson;
import maze.layout.LayoutRequest;
import maze.layout.ModuleLayouts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maze layouts}: struct layouts of a library or executable, from its DWARF, as JSON. */
@Command(name = "layouts", description = "Print struct layouts of a library or executable as JSON (from DWARF, via gdb).")
final class LayoutsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LIB", description = "the library or executable")
    Path lib;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "STRUCT",
            description = "struct, union or typedef names (\"malloc_state\", \"heap_info\", \"struct x\")")
    List<String> structs;
    @Option(names = "--debug-file-directory", paramLabel = "DIR",
            description = "where to look for separate debug files, as gdb's setting (repeatable; default /usr/lib/debug)")
    List<Path> debugDirs = new ArrayList<>();
    @Option(names = "--no-cache", description = "ask gdb even when the layout cache has the answer, and store nothing")
    boolean noCache;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(lib)) {
            throw new NoSuchFileException(lib.toString(), null, "no such file");
        }
        GdbOptions gdb = GdbOptions.defaults().withDebugFileDirectories(debugDirs);
        LayoutCache cache = noCache ? LayoutCache.disabled() : LayoutCache.standard();
        ModuleLayouts layouts = new DwarfLayoutProvider(gdb, cache)
                .forFile(lib, new LayoutRequest(structs, List.of(), List.of()));
        spec.commandLine().getOut().println(LayoutJson.structsText(layouts, structs));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code;
    }
}

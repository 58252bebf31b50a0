package maze.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import maze.app.LayoutTableExport;
import maze.core.ElfFile;
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
@Command(name = "layouts", mixinStandardHelpOptions = true,
        description = {"Print struct layouts of a library or executable as JSON (from DWARF, via gdb).",
                "Sizes and field offsets, as maze's heap walkers see them; answers are cached by build-id."},
        footer = {"", "Examples:",
                "  maze layouts /lib/x86_64-linux-gnu/libc.so.6 malloc_state malloc_chunk",
                "  maze layouts ./app 'struct session' --no-cache",
                "  maze layouts ./libmimalloc.so.2.1 --table mimalloc > tables/mimalloc/upstream-2.1.7.layout"})
final class LayoutsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LIB", description = "the library or executable")
    Path lib;
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "STRUCT",
            description = "struct, union or typedef names (\"malloc_state\", \"heap_info\", \"struct x\")")
    List<String> structs = new ArrayList<>();
    @Option(names = "--table", paramLabel = "ALLOCATOR",
            description = "instead, print the built-in layout table of this allocator library (e.g. mimalloc): what its"
                    + " walker needs, from the library's DWARF, keyed by its build-id (docs/layouts.md)")
    String table;
    @Option(names = "--debug-file-directory", paramLabel = "DIR",
            description = "where to look for separate debug files, as gdb's setting (repeatable; default /usr/lib/debug)")
    List<Path> debugDirs = new ArrayList<>();
    @Option(names = "--no-cache", description = "ask gdb even when the layout cache has the answer, and store nothing")
    boolean noCache;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // a missing or non-ELF file is bad input (exit 3), said plainly before gdb says it less so
        ElfFile.open(lib).close();
        if (table != null) {
            return printTable();
        }
        if (structs.isEmpty()) {
            throw new UserError(ExitCode.USAGE, "maze layouts: name at least one STRUCT, or use --table ALLOCATOR");
        }
        GdbOptions gdb = GdbOptions.defaults().withDebugFileDirectories(debugDirs);
        LayoutCache cache = noCache ? LayoutCache.disabled() : LayoutCache.standard();
        ModuleLayouts layouts = new DwarfLayoutProvider(gdb, cache)
                .forFile(lib, new LayoutRequest(structs, List.of(), List.of()));
        spec.commandLine().getOut().println(LayoutJson.structsText(layouts, structs));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code;
    }

    private int printTable() {
        if (!structs.isEmpty()) {
            throw new UserError(ExitCode.USAGE, "maze layouts: --table takes no STRUCT names (the allocator names them)");
        }
        if (!LayoutTableExport.allocators().contains(table)) {
            throw new UserError(ExitCode.USAGE, "maze layouts: no layout tables for '" + table + "' (known: "
                    + String.join(", ", LayoutTableExport.allocators()) + ")");
        }
        String text;
        try {
            text = LayoutTableExport.table(table, lib, GdbOptions.defaults().withDebugFileDirectories(debugDirs));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code;
    }
}

package maze.gdb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The gdb command line: MI3, no init files, nothing auto-loaded from the analyzed files. */
final class GdbCommandLine {
    private GdbCommandLine() {
    }

    static List<String> of(GdbOptions o) {
        List<String> cmd = new ArrayList<>(List.of(o.gdb(), "-nx", "-q", "--interpreter=mi3"));
        // auto-load would run scripts shipped next to the analyzed binaries: never.
        iex(cmd, "set auto-load off");
        iex(cmd, "set confirm off");
        iex(cmd, "set width 0");
        iex(cmd, "set height 0");
        // A network fetch must be the user's choice, and "ask" would wait on a prompt.
        iex(cmd, "set debuginfod enabled off");
        if (!o.debugFileDirectories().isEmpty()) {
            iex(cmd, "set debug-file-directory " + joined(o.debugFileDirectories()));
        }
        if (o.sysroot() != null) {
            iex(cmd, "set sysroot " + o.sysroot().toAbsolutePath());
        }
        if (!o.solibSearchPath().isEmpty()) {
            iex(cmd, "set solib-search-path " + joined(o.solibSearchPath()));
        }
        return cmd;
    }

    private static void iex(List<String> cmd, String gdbCommand) {
        cmd.add("-iex");
        cmd.add(gdbCommand);
    }

    private static String joined(List<Path> dirs) {
        return dirs.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(":"));
    }
}

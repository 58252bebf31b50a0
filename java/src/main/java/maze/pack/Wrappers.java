package maze.pack;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Finds the program behind a wrapper: {@code maze capture -- sh -c './app'} starts a shell that
 * forks the app, and capturing the shell would be useless. While the process is a known wrapper
 * with exactly one child, the child is the one to capture. (Wrappers that exec, such as stdbuf
 * or env, leave nothing to follow.) Only which pid to gcore comes from /proc: the bundle's
 * executable still comes from the core's own notes.
 */
final class Wrappers {
    private static final Set<String> NAMES = Set.of("sh", "dash", "bash", "zsh", "ksh", "busybox", "env",
            "stdbuf", "nice", "nohup", "setsid", "taskset", "timeout", "time", "ionice", "chrt", "sudo", "su");

    private Wrappers() {
    }

    static long innermost(long pid) {
        ProcessHandle p = ProcessHandle.of(pid).orElse(null);
        for (int depth = 0; p != null && depth < 16 && isWrapper(p); depth++) {
            List<ProcessHandle> children = p.children().toList();
            if (children.size() != 1) {
                break;
            }
            p = children.get(0);
        }
        return p != null ? p.pid() : pid;
    }

    private static boolean isWrapper(ProcessHandle p) {
        return p.info().command().map(c -> NAMES.contains(Path.of(c).getFileName().toString())).orElse(false);
    }
}

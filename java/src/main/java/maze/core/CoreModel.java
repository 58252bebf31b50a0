package maze.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything maze knows about a core from the core alone (never from /proc).
 *
 * @param file     the core file
 * @param fileSize its real size on disk (segments past it are truncated)
 * @param kernel   true for a kernel-written core (NT_FILE in pages), false for gcore
 * @param execFn   AT_EXECFN: argv[0] as typed
 * @param exePath  the executable's real path (NT_FILE entry holding AT_PHDR), or an --exe override
 * @param auxv     NT_AUXV as type -> value
 * @param modules  executable first, then libraries in link_map order
 * @param warnings what looked wrong but did not stop the reading
 */
public record CoreModel(Path file, long fileSize, boolean kernel, int pid, int ppid, String fname,
                        String psargs, String execFn, String exePath, List<ThreadInfo> threads,
                        List<Segment> segments, List<MappedFile> files, Map<Long, Long> auxv,
                        List<Module> modules, List<String> warnings) {

    public Module executable() {
        return modules.stream().filter(Module::executable).findFirst().orElse(null);
    }
}

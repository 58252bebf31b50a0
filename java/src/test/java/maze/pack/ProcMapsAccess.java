package maze.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import maze.core.CoreModel;
import maze.core.CoreOptions;
import maze.core.Module;

/**
 * A test stand-in for the core reader, for a core gcore just wrote of a process that still runs
 * (gcore names it core.PID): its modules come from /proc/PID/maps, link names and build-ids from
 * the test. It lets capture and bundles be tested before maze.core reads real cores.
 */
record ProcMapsAccess(Map<String, String> linkNames, Map<String, String> buildIds) implements CoreAccess {

    @Override
    public CoreModel read(Path core, CoreOptions options) throws IOException {
        String name = core.getFileName().toString();
        int pid = Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
        String exe = Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")).toString();
        List<Module> modules = new ArrayList<>();
        for (String path : mappedElfFiles(pid)) {
            String id = buildIds.get(path);
            modules.add(new Module(path, linkNames.getOrDefault(path, path), 0, id, Path.of(path), id, path.equals(exe)));
        }
        modules.sort((a, b) -> Boolean.compare(b.executable(), a.executable()));
        return new CoreModel(core, Files.size(core), false, pid, 0, "pack_fixture", "pack_fixture 50", null, exe,
                List.of(), List.of(), List.of(), Map.of(), modules, List.of());
    }

    @Override
    public Path debugFile(Module module) {
        return null;
    }

    private static Set<String> mappedElfFiles(int pid) throws IOException {
        Set<String> paths = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/maps"))) {
            String[] f = line.trim().split("\\s+", 6);
            if (f.length == 6 && f[2].equals("00000000") && f[5].startsWith("/") && isElf(Path.of(f[5]))) {
                paths.add(f[5]);
            }
        }
        return paths;
    }

    private static boolean isElf(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 0x7f && m[1] == 'E' && m[2] == 'L' && m[3] == 'F';
        }
    }
}

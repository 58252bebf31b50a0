package maze.diff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import maze.core.CoreModel;
import maze.core.Module;

/**
 * What makes two cores the same process: the pid, the executable, and the build-id of every
 * module both cores map. Block addresses mean the same thing only within one process.
 */
public record ProcessIdentity(int pid, String executable, Map<String, String> buildIds) {

    public static ProcessIdentity of(CoreModel core) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Module m : core.modules()) {
            ids.put(m.path(), m.buildId());
        }
        // the path the core itself names (NT_FILE): --exe and a bundle's extracted copy change exePath
        Module exe = core.executable();
        return new ProcessIdentity(core.pid(), exe != null ? exe.path() : core.exePath(), ids);
    }

    /** Why {@code other} is not a later core of this process, or null when it is. */
    public String differs(ProcessIdentity other) {
        if (!Objects.equals(executable, other.executable)) {
            return "another executable (" + other.executable + ", not " + executable + ")";
        }
        if (pid != other.pid) {
            return "another process of " + executable + " (pid " + other.pid + ", not " + pid + ")";
        }
        for (Map.Entry<String, String> e : buildIds.entrySet()) {
            String theirs = other.buildIds.get(e.getKey());
            if (other.buildIds.containsKey(e.getKey()) && !Objects.equals(e.getValue(), theirs)) {
                return e.getKey() + " has another build-id (" + theirs + ", not " + e.getValue() + ")";
            }
        }
        return null;
    }
}

package maze.heap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a walk reports beside its blocks: the version the walk established (it may know more than
 * detection did: glibc reads __libc_version with its layouts), the walker's own figures (arena
 * count, cross-checks, how segments were found), in display order, and the memory it owns (null
 * when the walker cannot say: the process accounting then says "not split").
 */
public record HeapSummary(Version version, Map<String, Object> facts, OwnedMemory owned) {
    public HeapSummary {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public HeapSummary(Version version, Map<String, Object> facts) {
        this(version, facts, null);
    }
}

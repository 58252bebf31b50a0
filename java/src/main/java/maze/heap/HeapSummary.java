package maze.heap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a walk reports beside its blocks: the version the walk established (it may know more than
 * detection did: glibc reads __libc_version with its layouts) and the walker's own figures (arena
 * count, cross-checks, how segments were found), in display order.
 */
public record HeapSummary(Version version, Map<String, Object> facts) {
    public HeapSummary {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }
}

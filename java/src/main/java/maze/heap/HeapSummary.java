package maze.heap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a walk reports beside its blocks: the version the walk established (it may know more than
 * detection did: glibc reads __libc_version with its layouts), the walker's own figures (arena
 * count, cross-checks, how segments were found), in display order, and the memory it owns (null
 * when the walker cannot say: the process accounting then says "not split"), and {@code metadata}:
 * the allocator's own bookkeeping outside its blocks (jemalloc's base allocator: arenas, extent
 * headers, extent-map leaves), which the reference graph never scans as roots (its words name
 * blocks for the allocator's sake: an extent header's address is its first block's).
 */
public record HeapSummary(Version version, Map<String, Object> facts, OwnedMemory owned,
                          List<OwnedMemory.Range> metadata) {
    public HeapSummary {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        metadata = List.copyOf(metadata);
    }

    public HeapSummary(Version version, Map<String, Object> facts, OwnedMemory owned) {
        this(version, facts, owned, List.of());
    }

    public HeapSummary(Version version, Map<String, Object> facts) {
        this(version, facts, null);
    }
}

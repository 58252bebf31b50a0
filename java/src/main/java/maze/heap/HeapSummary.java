package maze.heap;

import java.util.Map;

/** Facts a walker reports beside the blocks (arena count, cross-checks, how segments were found). */
public record HeapSummary(Map<String, Object> facts) {
}

package maze.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import maze.classify.NameSources;
import maze.heap.Coverage;

/**
 * What the report says beside the table. {@code facts} are the walker's own figures (arenas,
 * heaps, mmapped chunks, ...), shown in their map's order under their own names; values should be
 * numbers, strings, booleans, lists or maps so they render as JSON. {@code coverage} lists every
 * allocator found and whether it was walked; {@code partial}: part of the heap may be missing.
 * {@code names}: where the C++ names came from, or null when not known.
 */
public record ReportSummary(String allocator, String version, long liveBlocks, long liveBytes,
                            Map<String, Object> facts, List<Coverage> coverage, List<String> warnings,
                            boolean partial, NameSources names) {

    public ReportSummary(String allocator, String version, long liveBlocks, long liveBytes,
                         Map<String, Object> facts, List<Coverage> coverage, List<String> warnings, boolean partial) {
        this(allocator, version, liveBlocks, liveBytes, facts, coverage, warnings, partial, null);
    }

    public ReportSummary {
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        coverage = List.copyOf(coverage);
        warnings = List.copyOf(warnings);
    }

    /** This summary with where its C++ names came from. */
    public ReportSummary withNames(NameSources sources) {
        return new ReportSummary(allocator, version, liveBlocks, liveBytes, facts, coverage, warnings, partial, sources);
    }

    /** "glibc 2.36", or just the allocator's name when its version is unknown. */
    public String allocatorAndVersion() {
        if (allocator == null) {
            return "unknown";
        }
        return version == null || version.isEmpty() ? allocator : allocator + " " + version;
    }
}

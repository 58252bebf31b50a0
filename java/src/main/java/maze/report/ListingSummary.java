package maze.report;

import java.util.List;
import maze.heap.Coverage;

/** The one line {@code maze blocks} ends with on stderr: what was listed, what was walked, how many warnings. */
public final class ListingSummary {
    private ListingSummary() {
    }

    /** "listed 40013 of 40013 live blocks (4234480 bytes); walked: glibc 2.36; not walked: jemalloc 5.3.0; 0 warnings". */
    public static String line(long listed, ReportSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append("listed ").append(listed).append(" of ").append(s.liveBlocks()).append(" live blocks (")
                .append(s.liveBytes()).append(" bytes); walked: ").append(names(s.coverage(), true));
        String notWalked = names(s.coverage(), false);
        if (!notWalked.equals("none")) {
            sb.append("; NOT walked: ").append(notWalked);
        }
        sb.append("; ").append(s.warnings().size()).append(s.warnings().size() == 1 ? " warning" : " warnings");
        if (s.partial()) {
            sb.append("; the result is PARTIAL");
        }
        return sb.toString();
    }

    private static String names(List<Coverage> coverage, boolean walked) {
        List<String> names = coverage.stream().filter(c -> c.walked() == walked)
                .map(c -> c.version() != null && c.version().known() ? c.allocator() + " " + c.version().text()
                        : c.allocator())
                .toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}

package maze.app;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How {@code maze info --dlopen-probe} shows the probe: beside the statically read version, with its warning. */
final class ProbeReport {
    private ProbeReport() {
    }

    static String warning(DlopenProbe.Result r) {
        return r.done() ? "--dlopen-probe ran the constructor of " + r.answeredBy()
                + " in a child process (maze_probe, scrubbed environment, time limit)"
                : "--dlopen-probe loaded the candidates it did not skip in child processes, running their constructors";
    }

    static void text(DlopenProbe.Result r, List<Map<String, Object>> allocators, PrintWriter out) {
        out.printf("%ndlopen probe (--dlopen-probe):%n");
        if (r.done()) {
            out.printf("  %s %s (%s() = %d) from %s%n", r.allocator(), r.version().text(), r.function(), r.raw(),
                    r.answeredBy());
        } else {
            out.printf("  not done: no candidate library answered with a version%n");
        }
        out.printf("  statically read: %s%n", staticVersion(r, allocators));
        for (DlopenProbe.Skipped s : r.skipped()) {
            out.printf("  skipped %s: %s%n", s.file(), s.reason());
        }
        out.printf("  warning: %s%n", warning(r));
    }

    static Map<String, Object> json(DlopenProbe.Result r, List<Map<String, Object>> allocators) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("done", r.done());
        m.put("version", r.done() ? r.version().text() : null);
        m.put("allocator", r.allocator());
        m.put("function", r.function());
        m.put("raw", r.done() ? r.raw() : null);
        m.put("file", r.done() ? r.answeredBy().toString() : null);
        m.put("static_version", staticVersion(r, allocators));
        m.put("skipped", r.skipped().stream().map(s -> Map.of("file", s.file().toString(), "reason", s.reason()))
                .toList());
        m.put("warning", warning(r));
        return m;
    }

    private static String staticVersion(DlopenProbe.Result r, List<Map<String, Object>> allocators) {
        return allocators.stream().filter(a -> r.allocator().equals(a.get("allocator")))
                .map(a -> AllocatorInfo.versionText(a) + " in " + a.get("module"))
                .findFirst().orElse("no " + r.allocator() + " found");
    }
}

package maze.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import maze.classify.ModuleVtables;
import maze.core.CoreModel;
import maze.core.Module;
import maze.core.ThreadInfo;
import maze.output.Printable;

/** The text form of {@code maze info}: one section per kind of fact, aligned columns. */
final class InfoText {
    private InfoText() {
    }

    /** {@code probed} is the dlopen probe's result, or null when it was not asked for. */
    static void write(CoreModel core, List<MemoryMap.Region> map, List<Map<String, Object>> allocators,
                      DlopenProbe.Result probed, Map<String, ModuleVtables.Symbols> symbols, PrintWriter out) {
        out.printf("core:     %s (%s)%n", p(core.file()), core.kernel() ? "kernel core" : "gcore");
        out.printf("pid:      %d (parent %d)%n", core.pid(), core.ppid());
        out.printf("command:  %s%n", p(core.psargs().isEmpty() ? core.fname() : core.psargs()));
        out.printf("exe:      %s%n", p(core.exePath()));
        out.printf("%nthreads (%d):%n", core.threads().size());
        for (ThreadInfo t : core.threads()) {
            out.printf("  tid %-8d fs_base 0x%016x%n", t.tid(), t.fsBase());
        }
        out.printf("%nmodules (%d):%n", core.modules().size());
        for (Module m : core.modules()) {
            writeModule(m, symbols.get(m.path()), out);
        }
        out.printf("%nallocators (%d):%n", allocators.size());
        for (Map<String, Object> a : allocators) {
            out.printf("  %s %s in %s%s%s%n", a.get("allocator"), p(AllocatorInfo.versionText(a)), p(a.get("module")),
                    Boolean.TRUE.equals(a.get("serves_malloc")) ? " (serves malloc)" : "",
                    Boolean.TRUE.equals(a.get("walkable")) ? "" : "; maze cannot walk it: " + a.get("not_walkable_because"));
        }
        if (probed != null) {
            ProbeReport.text(probed, allocators, out);
        }
        out.printf("%nmemory map (%d ranges):%n", map.size());
        for (MemoryMap.Region r : map) {
            out.printf("  %016x-%016x %s %-24s %s%n", r.start(), r.end(), r.flags() == null ? "???" : r.flags(),
                    r.kind().label, r.file() == null ? "" : p(r.file()));
        }
        if (!core.warnings().isEmpty()) {
            out.printf("%nwarnings:%n");
            core.warnings().forEach(w -> out.printf("  %s%n", p(w)));
        }
    }

    private static void writeModule(Module m, ModuleVtables.Symbols symbols, PrintWriter out) {
        out.printf("  %s%s%n", p(m.path()), m.executable() ? "  (executable)" : "");
        if (!m.linkName().equals(m.path())) {
            out.printf("      link name  %s%n", p(m.linkName()));
        }
        out.printf("      load bias  0x%x%n", m.loadBias());
        out.printf("      build-id   %s%n", m.buildId() == null ? "(not in core)" : m.buildId());
        out.printf("      file       %s%n", p(fileState(m)));
        out.printf("      symbols    %s%n", p(symbolState(symbols)));
    }

    /** Where C++ names come from for this module, best source first. */
    private static String symbolState(ModuleVtables.Symbols s) {
        if (s == null) {
            return "unreadable";
        }
        List<String> parts = new java.util.ArrayList<>();
        if (s.symtab()) {
            parts.add(".symtab");
        }
        if (s.debugFile() != null) {
            parts.add("debug file " + s.debugFile());
        }
        if (s.dynsym()) {
            parts.add(".dynsym");
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts)
                + (s.symtab() || s.debugFile() != null ? "" : " only (stripped, no debug file found)");
    }

    /** Text the process controls (argv, paths), escaped for the terminal. */
    private static String p(Object text) {
        return Printable.of(text);
    }

    private static String fileState(Module m) {
        if (m.localFile() == null) {
            // a module with no file behind its mapping (the vDSO) exists only in memory
            return m.path().startsWith("/") ? "missing on this host" : "none (in memory only)";
        }
        if (m.buildId() == null || m.fileBuildId() == null) {
            return m.localFile() + " (present, build-id not comparable)";
        }
        return m.localFile() + (m.fileMatches() ? " (present, build-id matches)" : " (present, build-id DIFFERS: "
                + m.fileBuildId() + ")");
    }
}

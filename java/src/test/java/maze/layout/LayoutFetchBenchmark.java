package maze.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import maze.gdb.GdbOptions;
import maze.gdb.GdbSession;
import maze.testing.MimallocBuilds;

/**
 * Prints how long a request takes cold by each route to gdb (maze.py in one command, one ptype
 * per struct) and warm (cache). A benchmark, not a test:
 * {@code mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=maze.layout.LayoutFetchBenchmark [-Dexec.args=ROUNDS]}
 */
public final class LayoutFetchBenchmark {
    private LayoutFetchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Map<Path, LayoutRequest> cases = new LinkedHashMap<>();
        cases.put(Path.of("/lib/x86_64-linux-gnu/libc.so.6"), GlibcLayoutsTest.MALLOC);
        cases.put(Path.of("/lib64/ld-linux-x86-64.so.2"),
                new LayoutRequest(List.of("struct link_map"), List.of("_r_debug"), List.of()));
        Path mimalloc = mimallocDebugBuild();
        if (mimalloc != null) {
            // the 2.x walker's request (segments.V2Layout.REQUEST in heap.mimalloc)
            cases.put(mimalloc, new LayoutRequest(List.of("mi_segment_t", "mi_page_t", "mi_heap_t", "mi_page_queue_t",
                    "mi_tld_t"), List.of("_mi_heap_main", "abandoned", "abandoned_visited", "mi_segment_map"),
                    List.of("_mi_heap_default")));
        }
        for (Map.Entry<Path, LayoutRequest> c : cases.entrySet()) {
            run(c.getKey(), c.getValue(), rounds);
        }
    }

    private static void run(Path lib, LayoutRequest r, int rounds) throws Exception {
        System.out.printf("%s: %d structs, %d symbols, %d TLS variables%n", lib, r.structs().size(),
                r.symbols().size(), r.tlsVariables().size());
        cold(lib, r, FetchRoute.SCRIPT_ONLY); // class loading and the script's extraction: not measured
        cold(lib, r, FetchRoute.PTYPE);
        List<Double> script = new ArrayList<>();
        List<Double> ptype = new ArrayList<>();
        List<Double> scriptAsk = new ArrayList<>();
        List<Double> ptypeAsk = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            // alternate which route goes first, so neither always gets the warmer page cache
            boolean scriptFirst = i % 2 == 0;
            for (boolean s : scriptFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                (s ? script : ptype).add(cold(lib, r, s ? FetchRoute.SCRIPT_ONLY : FetchRoute.PTYPE));
                (s ? scriptAsk : ptypeAsk).add(questionsOnly(lib, r, s));
            }
            System.out.printf("  round %d: cold fetch maze.py %.0f ms, ptype %.0f ms;"
                    + " questions after loading maze.py %.0f ms, ptype %.0f ms%n",
                    i + 1, script.get(i), ptype.get(i), scriptAsk.get(i), ptypeAsk.get(i));
        }
        System.out.printf("  median: cold fetch maze.py %.0f ms, ptype %.0f ms; questions maze.py %.0f ms,"
                + " ptype %.0f ms; warm (cache) %.1f ms%n",
                median(script), median(ptype), median(scriptAsk), median(ptypeAsk), warm(lib, r));
    }

    /** Milliseconds from a loaded file to the answers: the part the route decides. */
    private static double questionsOnly(Path lib, LayoutRequest r, boolean script) {
        try (GdbSession gdb = GdbSession.start(GdbOptions.defaults())) {
            gdb.loadFile(lib);
            ModuleLayouts out = new ModuleLayouts(lib.toString(), null);
            long t0 = System.nanoTime();
            if (script) {
                ScriptQuestions.ask(gdb, FetchRoute.SCRIPT_ONLY, r.structs(), r, out);
            } else {
                PtypeQuestions.ask(gdb, r.structs(), r, out);
            }
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    /** Milliseconds for a fetch with an empty cache: one gdb start, load, questions. */
    private static double cold(Path lib, LayoutRequest r, FetchRoute route) {
        long starts = GdbSession.starts();
        long t0 = System.nanoTime();
        new DwarfLayoutProvider(GdbOptions.defaults(), LayoutCache.disabled(), route).forFile(lib, r);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (GdbSession.starts() != starts + 1) {
            throw new IllegalStateException("expected one gdb per cold fetch");
        }
        return ms;
    }

    private static double warm(Path lib, LayoutRequest r) throws Exception {
        DwarfLayoutProvider p = new DwarfLayoutProvider(GdbOptions.defaults(),
                LayoutCache.at(Files.createTempDirectory("maze-bench")));
        p.forFile(lib, r);
        long t0 = System.nanoTime();
        p.forFile(lib, r);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static Path mimallocDebugBuild() {
        try {
            return MimallocBuilds.named("mimalloc-2.0.9-debug").path();
        } catch (Exception | AssertionError notProvisioned) {
            return null; // the figure is printed where tests/provision/mimalloc.sh ran
        }
    }
}

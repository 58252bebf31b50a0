package maze.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import maze.gdb.GdbOptions;
import maze.gdb.GdbSession;

/**
 * Prints how long the glibc walker's request takes cold (gdb) and warm (cache). A benchmark, not
 * a test: {@code mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=maze.layout.LayoutFetchBenchmark}
 */
public final class LayoutFetchBenchmark {
    private LayoutFetchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path lib = Path.of(args.length > 0 ? args[0] : "/lib/x86_64-linux-gnu/libc.so.6");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        LayoutRequest r = GlibcLayoutsTest.MALLOC;
        System.out.printf("%s: %d structs, %d symbols, %d TLS variables%n", lib, r.structs().size(),
                r.symbols().size(), r.tlsVariables().size());
        for (int i = 0; i < rounds; i++) {
            Path dir = Files.createTempDirectory("maze-bench");
            DwarfLayoutProvider p = new DwarfLayoutProvider(GdbOptions.defaults(), LayoutCache.at(dir));
            long starts = GdbSession.starts();
            long t0 = System.nanoTime();
            p.forFile(lib, r);
            long t1 = System.nanoTime();
            p.forFile(lib, r);
            long t2 = System.nanoTime();
            System.out.printf("cold %.0f ms (%d gdb)   warm %.1f ms (%d gdb)%n", (t1 - t0) / 1e6,
                    GdbSession.starts() - starts, (t2 - t1) / 1e6, 0L);
        }
    }
}

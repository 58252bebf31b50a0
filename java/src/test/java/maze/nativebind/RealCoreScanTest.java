package maze.nativebind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import maze.core.Segment;
import maze.memory.CoreMemory;
import maze.memory.PtLoads;
import maze.memory.ScanHits;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner and CoreMemory on a real gcore of the bigheap fixture, which says what it planted. */
@Tag("gcore")
class RealCoreScanTest {
    private static final long NEEDLE = 0x4d415a454e45454cL;

    @TempDir
    Path dir;

    @Test
    void findsEveryPlantedNeedleInAGcoreAndReadsItBack() throws Exception {
        Path bigheap = Fixtures.binary("bigheap");
        Fixtures.require(Files.isExecutable(Path.of("/usr/bin/gcore")), "gcore (gdb) is not installed");
        Path core;
        long planted;
        try (FixtureProcess p = FixtureProcess.start(List.of(bigheap.toString(), "64"), dir,
                FixtureProcess.defaultTimeout())) {
            planted = plantedCount(p.outputSoFar());
            core = p.gcore(dir);
        }
        List<Segment> segments = PtLoads.read(core);
        long size = Files.size(core);
        try (CoreMemory m = new CoreMemory(core, size, segments, List.of(), f -> null);
             NativeCoreScanner scanner = NativeCoreScanner.open(core, size, segments, 2)) {
            ScanHits hits = new ScanHits();
            scanner.findValue(NEEDLE, hits);
            assertEquals(planted, hits.size());
            for (long a : hits.addresses()) {
                assertEquals(NEEDLE, m.readLong(a));
            }
            long first = hits.addresses()[0];
            long to = first + (8L << 20);
            ScanHits window = new ScanHits();
            scanner.findValue(NEEDLE, first, to, window);
            assertEquals(new ReferenceScan(m, segments, size).value(NEEDLE, first, to),
                    Arrays.stream(window.addresses()).boxed().toList());
            assertTrue(planted >= 64, "bigheap plants one needle per MiB: " + planted);
        }
    }

    private static long plantedCount(List<String> output) {
        Pattern p = Pattern.compile("planted (\\d+) times");
        for (String line : output) {
            Matcher mt = p.matcher(line);
            if (mt.find()) {
                return Long.parseLong(mt.group(1));
            }
        }
        throw new AssertionError("bigheap did not say what it planted: " + output);
    }
}

package maze.nativebind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import maze.core.Segment;
import maze.memory.CoreAccessException;
import maze.memory.CoreMemory;
import maze.memory.HeaderQuery;
import maze.memory.ScanHits;
import maze.memory.SyntheticCore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NativeCoreScannerTest {
    private static final int RW = Segment.PF_R | Segment.PF_W;
    private static final long NEEDLE = 0x00007f1234567890L;
    private static final long HEAP = 0x55550000_0000L;
    private static final long[] RANGES = {HEAP + 0x1000, HEAP + 0x1100, HEAP + 0x8000, HEAP + 0x8008,
        HEAP + 0x20_0000, HEAP + 0x30_0000};

    @TempDir
    Path dir;
    private SyntheticCore synthetic;
    private Path core;
    private long fileLength;

    /**
     * Words drawn so every scan has hits and near misses: zeros, small numbers, the needle, its
     * neighbours, pointers in and around the ranges, and header-like cookies.
     */
    private static byte[] content(Random rnd, int words) {
        long[] w = new long[words];
        for (int i = 0; i < words; i++) {
            switch (rnd.nextInt(8)) {
                case 0: w[i] = NEEDLE; break;
                case 1: w[i] = NEEDLE + 1 - rnd.nextInt(3); break;
                case 2: w[i] = HEAP + rnd.nextInt(0x40_0000); break;
                case 3: w[i] = 0xc00c1e00L | rnd.nextInt(4); break;
                case 4: w[i] = rnd.nextLong(); break;
                default: w[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(4096); break;
            }
        }
        return SyntheticCore.words(w);
    }

    /** Needles on both sides of the native scan's 1 MiB piece boundaries, where off-by-ones hide. */
    private static byte[] atPieceEdges(byte[] bytes) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int edge = 1 << 20; edge < bytes.length; edge += 1 << 20) {
            b.putLong(edge - 8, NEEDLE).putLong(edge, NEEDLE);
        }
        return bytes;
    }

    @BeforeEach
    void writeCore() throws IOException {
        Random rnd = new Random(20261126);
        long off = SyntheticCore.dataStart(6) + 0x18;
        synthetic = new SyntheticCore()
                .segment(0x400000, 0x1000, off, 0x1000, Segment.PF_R, content(rnd, 0x200))
                .segment(0x401004, 0x3000, off + 0x1008, 0x3000, RW, content(rnd, 0x600))
                .segment(0x500000, 0x10000, off + 0x4010, 0x10000, 0, content(rnd, 0x2000))
                .segment(0x7f0000000000L, 0x2c0000, off + 0x14018, 0x2c0000, RW, atPieceEdges(content(rnd, 0x58000)))
                .segment(0x7f0000400000L, 0x1000, off + 0x2d4020, 0, RW, new byte[0])
                .segment(0x7f0000500000L, 0x4000, off + 0x2d4028, 0x4000, RW, content(rnd, 0x800));
        fileLength = off + 0x2d4028 + 0x2000;  // the last segment is cut in half
        core = synthetic.write(dir.resolve("core.synthetic"), fileLength);
    }

    private NativeCoreScanner scanner(int threads, int batch) throws IOException {
        return NativeCoreScanner.open(core, fileLength, synthetic.segments(), threads, batch);
    }

    private CoreMemory memory() throws IOException {
        return new CoreMemory(core, fileLength, synthetic.segments(), List.of(), p -> null);
    }

    /** Hits of a value scan of the window through the scanner, as addresses. */
    private static List<Long> valueHits(NativeCoreScanner s, long from, long to) {
        ScanHits hits = new ScanHits();
        s.findValue(NEEDLE, from, to, hits);
        return list(hits);
    }

    private ReferenceScan reference(CoreMemory m) {
        return new ReferenceScan(m, synthetic.segments(), fileLength);
    }

    private static List<Long> list(ScanHits hits) {
        List<Long> out = new ArrayList<>();
        for (long a : hits.addresses()) {
            out.add(a);
        }
        return out;
    }

    @ParameterizedTest(name = "threads={0} batch={1}")
    @CsvSource({"1, 65536", "3, 65536", "2, 1000", "4, 333"})
    void valueScanFindsWhatAPlainJavaScanFinds(int threads, int batch) throws IOException {
        try (CoreMemory m = memory();
             NativeCoreScanner s = scanner(threads, batch)) {
            ScanHits hits = new ScanHits();
            s.findValue(NEEDLE, hits);
            List<Long> expected = reference(m).value(NEEDLE, 0, Long.MAX_VALUE);
            assertTrue(expected.size() > 10_000, "the fixture plants many needles: " + expected.size());
            assertEquals(expected, list(hits));
            for (long w : hits.words()) {
                assertEquals(NEEDLE, w);
            }
        }
    }

    @Test
    void aBatchOfOneHitResumesRightAfterEachHit() throws IOException {
        long from = 0x7f00000fe000L;
        long to = 0x7f0000102000L;
        try (CoreMemory m = memory();
             NativeCoreScanner s = scanner(2, 1)) {
            assertEquals(reference(m).value(NEEDLE, from, to), valueHits(s, from, to));
        }
    }

    @Test
    void valueScanSkipsUnreadableSegmentsAndBytesPastTheEndOfTheFile() throws IOException {
        try (NativeCoreScanner s = scanner(2, 1000)) {
            ScanHits hits = new ScanHits();
            s.findValue(NEEDLE, hits);
            for (long a : hits.addresses()) {
                assertFalse(a >= 0x500000 && a < 0x510000, "PROT_NONE segment scanned at " + Long.toHexString(a));
                assertTrue(a < 0x7f0000502000L, "past the end of the file at " + Long.toHexString(a));
            }
        }
    }

    @ParameterizedTest(name = "threads={0} batch={1}")
    @CsvSource({"1, 65536", "2, 50"})
    void pointerScanFindsWhatAPlainJavaScanFinds(int threads, int batch) throws IOException {
        try (CoreMemory m = memory();
             NativeCoreScanner s = scanner(threads, batch)) {
            ScanHits hits = new ScanHits();
            s.findPointers(RANGES, hits);
            List<Long> expected = reference(m).pointers(RANGES, 0, Long.MAX_VALUE);
            assertTrue(expected.size() > 1000, "pointers planted: " + expected.size());
            assertEquals(expected, list(hits));
            long[] words = hits.words();
            for (int i = 0; i < words.length; i++) {
                assertEquals(m.readLong(hits.addresses()[i]), words[i]);
            }
        }
    }

    @Test
    void headerScanWithMaskAndRangeFindsWhatAPlainJavaScanFinds() throws IOException {
        HeaderQuery q = HeaderQuery.masked(0x40, 0x18, ~3L, 0xc00c1e00L);
        HeaderQuery ranged = HeaderQuery.between(0x1000, 0x10, 1, 4095).andBetween(1, 100);
        try (CoreMemory m = memory();
             NativeCoreScanner s = scanner(2, 5)) {
            HeaderQuery everyTwoMiB = HeaderQuery.between(0x200000, 8, 0, -1L);  // strides wider than a native piece
            for (HeaderQuery query : List.of(q, ranged, q.andBetween(0xc00c1e01L, 0xc00c1e02L), everyTwoMiB)) {
                ScanHits hits = new ScanHits();
                s.findHeaders(query, hits);
                List<Long> expected = reference(m).headers(query, 0, Long.MAX_VALUE);
                assertFalse(expected.isEmpty(), "no header for " + query);
                assertEquals(expected, list(hits), query.toString());
            }
        }
    }

    @Test
    void aWindowLimitsEveryScanToItsAddresses() throws IOException {
        long from = 0x7f0000123458L;
        long to = 0x7f0000234561L;
        try (CoreMemory m = memory();
             NativeCoreScanner s = scanner(2, 100)) {
            assertEquals(reference(m).value(NEEDLE, from, to), valueHits(s, from, to));
            ScanHits pointers = new ScanHits();
            s.findPointers(RANGES, from, to, pointers);
            assertEquals(reference(m).pointers(RANGES, from, to), list(pointers));
        }
    }

    @Test
    void aCoreThatShrinksAfterOpeningIsAnErrorNamingTheFileNotACrash() throws IOException {
        try (NativeCoreScanner s = scanner(2, 1000)) {
            try (FileChannel ch = FileChannel.open(core, StandardOpenOption.WRITE)) {
                ch.truncate(0x200000);
            }
            CoreAccessException e = assertThrows(CoreAccessException.class, () -> s.findValue(NEEDLE, new ScanHits()));
            assertTrue(e.getMessage().contains(core.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("0x7f0000000000"),
                    e.getMessage());
        }
    }

    @Test
    void unsortedOrBadRangesAreRejected() throws IOException {
        try (NativeCoreScanner s = scanner(1, 100)) {
            assertThrows(IllegalArgumentException.class,
                    () -> s.findPointers(new long[] {HEAP + 0x100, HEAP, }, new ScanHits()));
            assertThrows(IllegalArgumentException.class,
                    () -> s.findPointers(new long[] {HEAP + 0x100, HEAP + 0x200, HEAP, HEAP + 8}, new ScanHits()));
            assertThrows(IllegalArgumentException.class, () -> s.findPointers(new long[] {HEAP}, new ScanHits()));
        }
    }

    @Test
    void openingAMissingCoreNamesIt() {
        Path missing = dir.resolve("no-such-core");
        IOException e = assertThrows(IOException.class, () -> NativeCoreScanner.open(missing, 0, List.of(), 1));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("no such file"),
                e.getMessage());
    }

    @Test
    void bulkReadsAreBoundsCheckedAgainstTheRealFile() throws IOException {
        byte[] expected = Files.readAllBytes(core);
        try (NativeCore c = NativeCore.open(core)) {
            assertEquals(fileLength, c.size());
            byte[] got = new byte[64];
            c.read(fileLength - 60, got, 4, 60);
            assertEquals(expected[(int) fileLength - 1], got[63]);
            assertEquals(expected[(int) fileLength - 60], got[4]);
            CoreAccessException e = assertThrows(CoreAccessException.class, () -> c.read(fileLength - 8, got, 0, 16));
            assertTrue(e.getMessage().contains(core.toString()), e.getMessage());
        }
    }
}

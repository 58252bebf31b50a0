package maze.nativebind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import maze.core.Segment;
import maze.memory.CoreMemory;
import maze.memory.ScanHits;
import maze.memory.SyntheticCore;
import maze.memory.UnmappedAddressException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one mapping shared by Java reads and native scans reads what a Java mapping of the file reads. */
class NativeCoreMappingTest {
    private static final int RW = Segment.PF_R | Segment.PF_W;
    private static final long NEEDLE = 0x00007f1234567890L;
    /** Past the first page, not page aligned, as gcore writes them: the mapping starts below it. */
    private static final long FIRST = 0x3008;

    @TempDir
    Path dir;
    private SyntheticCore synthetic;
    private Path core;
    private long fileLength;

    @BeforeEach
    void writeCore() throws IOException {
        Random rnd = new Random(20261202);
        synthetic = new SyntheticCore()
                .segment(0x400000, 0x2000, FIRST, 0x2000, Segment.PF_R, words(rnd, 0x400))
                .segment(0x7f0000000000L, 0x101000, FIRST + 0x2000, 0x101000, RW, words(rnd, 0x20200))
                .segment(0x7f0000200000L, 0x1000, FIRST + 0x103000, 0, RW, new byte[0])
                .segment(0x7f0000300000L, 0x4000, FIRST + 0x103000, 0x4000, RW, words(rnd, 0x800));
        fileLength = FIRST + 0x103000 + 0x2000;  // the last segment is cut in half
        core = synthetic.write(dir.resolve("core.synthetic"), fileLength);
    }

    private static byte[] words(Random rnd, int n) {
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            w[i] = rnd.nextInt(5) == 0 ? NEEDLE : rnd.nextLong();
        }
        return SyntheticCore.words(w);
    }

    private CoreMemory javaMapped() throws IOException {
        return new CoreMemory(core, fileLength, synthetic.segments(), List.of(), p -> null);
    }

    private CoreMemory over(NativeCoreMapping mapping) {
        return new CoreMemory(core, fileLength, synthetic.segments(), List.of(), p -> null, mapping.windows());
    }

    @Test
    void readsThroughTheSharedMappingEqualAJavaMappingsReads() throws IOException {
        NativeCoreMapping mapping = NativeCoreMapping.open(core, fileLength, synthetic.segments());
        try (CoreMemory shared = over(mapping); CoreMemory java = javaMapped()) {
            for (Segment s : synthetic.segments()) {
                long held = Math.max(0, Math.min(s.fileSize(), fileLength - s.fileOffset()));
                byte[] a = new byte[(int) held];
                byte[] b = new byte[(int) held];
                shared.read(s.vaddr(), a, 0, a.length);
                java.read(s.vaddr(), b, 0, b.length);
                assertArrayEquals(b, a, "segment 0x" + Long.toHexString(s.vaddr()));
                for (long d = 0; d + 8 <= held; d += 0x1ff8) {
                    assertEquals(java.readLong(s.vaddr() + d), shared.readLong(s.vaddr() + d));
                }
                assertEquals(java.isAvailable(s.vaddr(), held + 1), shared.isAvailable(s.vaddr(), held + 1));
            }
            long lost = 0x7f0000300000L + 0x2000;
            UnmappedAddressException e = assertThrows(UnmappedAddressException.class, () -> shared.readLong(lost));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void theSharedScannerFindsWhatAScannerOfItsOwnFinds() throws IOException {
        NativeCoreMapping mapping = NativeCoreMapping.open(core, fileLength, synthetic.segments());
        ScanHits shared = new ScanHits();
        ScanHits own = new ScanHits();
        try (NativeCoreScanner s = mapping.scanner(2);
             NativeCoreScanner o = NativeCoreScanner.open(core, fileLength, synthetic.segments(), 2)) {
            s.findValue(NEEDLE, shared);
            o.findValue(NEEDLE, own);
        }
        assertTrue(own.addresses().length > 1000, "hits: " + own.addresses().length);
        assertArrayEquals(own.addresses(), shared.addresses());
    }

    @Test
    void closingTheSharedScannerEndsItsScansNotTheReads() throws IOException {
        NativeCoreMapping mapping = NativeCoreMapping.open(core, fileLength, synthetic.segments());
        try (CoreMemory shared = over(mapping); CoreMemory java = javaMapped()) {
            NativeCoreScanner s = mapping.scanner(1);
            s.close();
            assertThrows(IllegalStateException.class, () -> s.findValue(NEEDLE, new ScanHits()));
            assertEquals(java.readLong(0x7f0000000000L + 0x100000), shared.readLong(0x7f0000000000L + 0x100000));
        }
    }
}

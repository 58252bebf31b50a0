package maze.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import maze.core.MappedFile;
import maze.core.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreMemoryTest {
    private static final int RW = Segment.PF_R | Segment.PF_W;
    private static final long A = 0x400000;
    private static final long B = 0x402000;
    private static final long ZEROS = 0x500000;
    private static final long KERNEL = 0x600000;
    private static final long TEXT = 0x700000;
    private static final long ABSENT = 0x800000;
    private static final long CUT = 0x900000;

    @TempDir
    Path dir;

    /** A word that names where it came from: tag in the top bits, position below. */
    static long word(long tag, long index) {
        return (tag << 48) | index;
    }

    static byte[] tagged(long tag, int count) {
        long[] w = new long[count];
        for (int i = 0; i < count; i++) {
            w[i] = word(tag, i);
        }
        return SyntheticCore.words(w);
    }

    private static final long MODULE_TAG = 0x4d4f;

    /** Segments at odd 8-aligned offsets, a kernel-style partial one, and one cut by the file end. */
    private SyntheticCore layout() {
        long off = SyntheticCore.dataStart(5) + 0x38;
        return new SyntheticCore()
                .segment(A, 0x2000, off, 0x2000, RW, tagged(0xa, 0x400))
                .segment(B, 0x1000, off + 0x2008, 0x1000, RW, tagged(0xb, 0x200))
                .segment(ZEROS, 0x1000, off + 0x3010, 0x1000, RW, new byte[0])
                .segment(KERNEL, 0x3000, off + 0x4018, 0x1000, Segment.PF_R, tagged(0xc, 0x200))
                .segment(CUT, 0x2000, off + 0x5020, 0x2000, RW, tagged(0xd, 0x400));
    }

    private long fullLength() {
        return SyntheticCore.dataStart(5) + 0x38 + 0x7020;
    }

    private Path module() throws IOException {
        return Files.write(dir.resolve("libmodule.so"), tagged(MODULE_TAG, 0x800));
    }

    private CoreMemory open(Path core, Path module) throws IOException {
        List<MappedFile> files = List.of(
                new MappedFile(KERNEL, KERNEL + 0x3000, 0, "/usr/lib/libmodule.so"),
                new MappedFile(TEXT, TEXT + 0x2000, 0x1000, "/usr/lib/libmodule.so"),
                new MappedFile(ABSENT, ABSENT + 0x1000, 0, "/usr/lib/libgone.so"));
        Map<String, Path> local = Map.of("/usr/lib/libmodule.so", module);
        return new CoreMemory(core, Files.size(core), layout().segments(), files, local::get);
    }

    private CoreMemory openFull() throws IOException {
        return open(layout().write(dir.resolve("core.full"), fullLength()), module());
    }

    @Test
    void readsWordsOfSegmentsAtOdd8AlignedFileOffsets() throws IOException {
        try (CoreMemory m = openFull()) {
            assertEquals(word(0xa, 0), m.readLong(A));
            assertEquals(word(0xa, 0x3ff), m.readLong(A + 0x1ff8));
            assertEquals(word(0xb, 7), m.readLong(B + 56));
            assertEquals((int) word(0xb, 7), m.readInt(B + 56));
            assertEquals(0xa, m.readInt(A + 12) >>> 16);
            assertEquals(word(0xa, 0x3ff) >>> 32, m.readInt(A + 0x1ffc), "the last int of a segment");
            assertEquals(word(0xa, 5), m.readLongOr(A + 40, -1));
            assertEquals(word(0xb, 5), m.readLongOr(B + 40, -1), "another segment than the last read's");
        }
    }

    @Test
    void readsAcrossAdjacentSegmentsAndUnalignedAddresses() throws IOException {
        try (CoreMemory m = openFull()) {
            byte[] got = new byte[16];
            m.read(B - 8, got, 0, 16);
            assertArrayEquals(SyntheticCore.words(word(0xa, 0x3ff), word(0xb, 0)), got);
            assertEquals((word(0xa, 0x3ff) >>> 32) | (word(0xb, 0) << 32), m.readLong(B - 4));
        }
    }

    @Test
    void zeroFilledSegmentReadsAsZeros() throws IOException {
        try (CoreMemory m = openFull()) {
            assertEquals(0L, m.readLong(ZEROS + 0xff8));
            assertTrue(m.isAvailable(ZEROS, 0x1000));
        }
    }

    @Test
    void bytesAKernelCoreLeftOutComeFromTheModuleFile() throws IOException {
        try (CoreMemory m = openFull()) {
            assertEquals(word(0xc, 1), m.readLong(KERNEL + 8), "the first page is in the core");
            assertEquals(word(MODULE_TAG, 0x201), m.readLong(KERNEL + 0x1008), "the rest from the module");
            byte[] got = new byte[16];
            m.read(KERNEL + 0xff8, got, 0, 16);
            assertArrayEquals(SyntheticCore.words(word(0xc, 0x1ff), word(MODULE_TAG, 0x200)), got);
        }
    }

    @Test
    void textGcoreOmittedComesFromTheModuleFileAtItsOffset() throws IOException {
        try (CoreMemory m = openFull()) {
            assertEquals(word(MODULE_TAG, 0x200 + 2), m.readLong(TEXT + 16));
            assertEquals(word(MODULE_TAG, 0x5ff), m.readLong(TEXT + 0x1ff8));
            assertFalse(m.isAvailable(TEXT + 0x1ffc, 8), "the mapping ends at TEXT + 0x2000");
        }
    }

    @Test
    void anAbsentModuleFileLeavesItsRangeUnreadable() throws IOException {
        try (CoreMemory m = openFull()) {
            UnmappedAddressException e = assertThrows(UnmappedAddressException.class, () -> m.readLong(ABSENT + 8));
            assertTrue(e.getMessage().contains("/usr/lib/libgone.so"), e.getMessage());
            assertEquals(ABSENT + 8, e.address());
            assertEquals(-7L, m.readLongOr(ABSENT + 8, -7L));
            assertFalse(m.isAvailable(ABSENT, 1));
        }
    }

    @Test
    void anAddressNoSegmentNorFileHoldsIsUnmapped() throws IOException {
        try (CoreMemory m = openFull()) {
            assertThrows(UnmappedAddressException.class, () -> m.readLong(0x12345000L));
            assertThrows(UnmappedAddressException.class, () -> m.readInt(-4096L));
            assertEquals(3, m.readIntOr(A - 4, 3), "4 bytes before the first segment");
        }
    }

    @Test
    void aTruncatedCopyReadsWhatItHoldsAndNamesTheFileForTheRest() throws IOException {
        Path full = layout().write(dir.resolve("core.full"), fullLength());
        Path cut = Files.copy(full, dir.resolve("core.cut"));
        long cutAt = SyntheticCore.dataStart(5) + 0x38 + 0x5020 + 0x800;
        try (FileChannel ch = FileChannel.open(cut, StandardOpenOption.WRITE)) {
            ch.truncate(cutAt);
        }
        try (CoreMemory m = open(cut, module())) {
            assertEquals(word(0xd, 0xff), m.readLong(CUT + 0x7f8));
            UnmappedAddressException e = assertThrows(UnmappedAddressException.class, () -> m.readLong(CUT + 0x800));
            assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains(cut.toString()), e.getMessage());
            byte[] spanning = new byte[16];
            UnmappedAddressException across = assertThrows(UnmappedAddressException.class,
                    () -> m.read(CUT + 0x7f8, spanning, 0, 16));
            assertEquals(CUT + 0x800, across.address());
            assertEquals(42L, m.readLongOr(CUT + 0x1000, 42L));
            assertFalse(m.isAvailable(CUT + 0x7fc, 8));
        }
    }

    @Test
    void readsSegmentsBeyondTheFirstTwoGibibytesOfASparseFile() throws IOException {
        long nearWindowEnd = (1L << 30) - 4;
        long past2g = (1L << 31) + 0x1008;
        SyntheticCore c = new SyntheticCore()
                .segment(A, 0x1000, nearWindowEnd - 0x100, 0x1000, RW, tagged(0xe, 0x200))
                .segment(B, 0x1000, past2g, 0x1000, RW, tagged(0xf, 0x200));
        Path core = c.write(dir.resolve("core.sparse"), past2g + 0x1000);
        try (CoreMemory m = new CoreMemory(core, Files.size(core), c.segments(), List.of(), p -> null)) {
            assertEquals(word(0xe, 0x20), m.readLong(A + 0x100), "file bytes 2^30 - 4 to 2^30 + 4");
            assertEquals((int) (word(0xe, 0x20) >>> 32), m.readInt(A + 0x104));
            assertEquals(word(0xf, 0x1ff), m.readLong(B + 0xff8));
            byte[] all = new byte[0x1000];
            m.read(A, all, 0, all.length);
            assertArrayEquals(tagged(0xe, 0x200), all);
        }
    }
}

package maze.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Note parsing on synthetic cores: threads, process info, auxv and both NT_FILE offset units. */
class CoreNotesTest {
    @TempDir
    Path tmp;

    private CoreModel read(SyntheticCore c) throws IOException {
        Path p = tmp.resolve("core");
        Files.write(p, c.build());
        return CoreReader.read(p, CoreOptions.NONE);
    }

    private static SyntheticCore twoThreads() {
        return new SyntheticCore()
                .note("CORE", 1, SyntheticCore.prstatus(100, 0x401000, 0x7ffc0000, 0x7f0000001740L))
                .note("CORE", 3, SyntheticCore.prpsinfo(100, 7, "prog", "./prog -x 1"))
                .note("CORE", 1, SyntheticCore.prstatus(101, 0x402000, 0x7ffb0000, 0x7f00000026c0L));
    }

    @Test
    void threadsAndProcess() throws IOException {
        CoreModel m = read(twoThreads());
        assertEquals(List.of(new ThreadInfo(100, 0x7f0000001740L, 0x7ffc0000, 0x401000),
                new ThreadInfo(101, 0x7f00000026c0L, 0x7ffb0000, 0x402000)), m.threads());
        assertEquals(100, m.pid());
        assertEquals(7, m.ppid());
        assertEquals("prog", m.fname());
        assertEquals("./prog -x 1", m.psargs());
    }

    @Test
    void auxvStopsAtNull() throws IOException {
        CoreModel m = read(twoThreads().note("CORE", 6, SyntheticCore.auxv(3, 0x1040, 5, 13, 9, 0x1100, 0, 0, 31, 5)));
        assertEquals(0x1040L, m.auxv().get(3L));
        assertEquals(13L, m.auxv().get(5L));
        assertFalse(m.auxv().containsKey(31L), "entries after AT_NULL are not part of the vector");
    }

    @Test
    void ntFileInBytesIsGcore() throws IOException {
        CoreModel m = read(twoThreads().note("CORE", 0x46494c45, SyntheticCore.ntFile(1,
                new Object[] {0x1000L, 0x3000L, 0x2000L, "/usr/lib/libx.so"})));
        assertFalse(m.kernel());
        assertEquals(List.of(new MappedFile(0x1000, 0x3000, 0x2000, "/usr/lib/libx.so")), m.files());
    }

    @Test
    void ntFileInPagesIsKernelAndNormalisedToBytes() throws IOException {
        CoreModel m = read(twoThreads().note("CORE", 0x46494c45, SyntheticCore.ntFile(4096,
                new Object[] {0x1000L, 0x3000L, 2L, "/usr/lib/libx.so"},
                new Object[] {0x5000L, 0x6000L, 0x1d3L, "/usr/lib/liby.so"})));
        assertTrue(m.kernel());
        assertEquals(new MappedFile(0x1000, 0x3000, 0x2000, "/usr/lib/libx.so"), m.files().get(0));
        assertEquals(new MappedFile(0x5000, 0x6000, 0x1d3000, "/usr/lib/liby.so"), m.files().get(1));
    }

    @Test
    void corruptNtFileCountIsAFormatError() throws IOException {
        byte[] nt = SyntheticCore.ntFile(4096, new Object[] {0x1000L, 0x3000L, 2L, "/x"});
        SyntheticCore.le(8).putLong(1L << 40).flip().get(nt, 0, 8);
        CoreFormatException e = assertThrows(CoreFormatException.class, () -> read(twoThreads().note("CORE", 0x46494c45, nt)));
        assertTrue(e.getMessage().contains("NT_FILE"), e.getMessage());
    }

    @Test
    void shortPrstatusIsAFormatError() {
        SyntheticCore c = new SyntheticCore().note("CORE", 1, new byte[40]);
        CoreFormatException e = assertThrows(CoreFormatException.class, () -> read(c));
        assertTrue(e.getMessage().contains("NT_PRSTATUS"), e.getMessage());
    }

    @Test
    void coreWithoutThreadsIsRejected() {
        SyntheticCore c = new SyntheticCore().note("CORE", 3, SyntheticCore.prpsinfo(1, 0, "a", "a"));
        assertThrows(CoreFormatException.class, () -> read(c));
    }

    @Test
    void notesOfOtherOwnersAreIgnored() throws IOException {
        CoreModel m = read(twoThreads().note("LINUX", 1, new byte[8]).note("GDB", 0xff000000, new byte[3]));
        assertEquals(2, m.threads().size());
    }

    @Test
    void segmentsKeepTheirExtents() throws IOException {
        CoreModel m = read(twoThreads().load(0x10000, new byte[0x100], 0x2000, Segment.PF_R | Segment.PF_W));
        Segment s = m.segments().get(0);
        assertEquals(0x10000, s.vaddr());
        assertEquals(0x2000, s.memSize());
        assertEquals(0x100, s.fileSize());
    }

    /** A damaged p_memsz once made the mimalloc segment scan step through 2^60 addresses. */
    @Test
    void anImplausibleMemorySizeKeepsOnlyTheFileBytes() throws IOException {
        CoreModel m = read(twoThreads().load(0x10000, new byte[0x100], 0xc53eb17a1b29dc58L, Segment.PF_R)
                .load(0x7f0000000000L, new byte[0x100], 1L << 57, Segment.PF_R));
        assertEquals(0x100, m.segments().get(0).memSize());
        assertEquals(0x100, m.segments().get(1).memSize());
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("implausible")), m.warnings().toString());
    }

    /** The kernel and gcore write segments in address order: one out of it has a damaged address. */
    @Test
    void aSegmentOutOfAddressOrderWarns() throws IOException {
        CoreModel m = read(twoThreads().load(0x20000, new byte[0x100], 0x1000, Segment.PF_R)
                .load(0x10000, new byte[0x100], 0x1000, Segment.PF_R));
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("segment 0x10000 starts below")), m.warnings().toString());
    }

    @Test
    void segmentsInOrderAreQuiet() throws IOException {
        CoreModel m = read(twoThreads().load(0x10000, new byte[0x100], 0x1000, Segment.PF_R)
                .load(0x20000, new byte[0x100], 0x1000, Segment.PF_R));
        assertFalse(m.warnings().stream().anyMatch(w -> w.contains("damaged program header")), m.warnings().toString());
    }
}

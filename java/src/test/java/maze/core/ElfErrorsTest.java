package maze.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import maze.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that are not usable ELF x86-64 files or cores: a clear error naming the file, never an index exception. */
class ElfErrorsTest {
    @TempDir
    Path tmp;

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(tmp.resolve(name), content);
    }

    /** Rejected as a core, with {@code expected} in the message. */
    private static void assertNotACore(Path p, String expected) {
        CoreFormatException e = assertThrows(CoreFormatException.class, () -> CoreReader.read(p, CoreOptions.NONE));
        assertTrue(e.getMessage().startsWith(p.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** Rejected as a core and as an ELF file. */
    private static void assertRejected(Path p, String expected) {
        assertNotACore(p, expected);
        CoreFormatException f = assertThrows(CoreFormatException.class, () -> ElfFile.open(p).close());
        assertTrue(f.getMessage().startsWith(p.toString()), "names the file: " + f.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        assertRejected(write("empty", new byte[0]), "empty");
    }

    @Test
    void textFile() throws IOException {
        assertRejected(write("notes.txt", "just some text, not an ELF\n".getBytes()), "not an ELF");
    }

    @Test
    void missingFile() {
        assertRejected(tmp.resolve("nope"), "no such file");
    }

    @Test
    void directory() {
        assertRejected(tmp, "not a regular file");
    }

    @Test
    void truncatedHeader() throws IOException {
        assertRejected(write("short", Arrays.copyOf(SyntheticCore.header(1), 30)), "truncated");
    }

    @Test
    void elf32() throws IOException {
        byte[] h = SyntheticCore.header(0);
        h[4] = 1;
        assertRejected(write("elf32", h), "not a 64-bit ELF");
    }

    @Test
    void bigEndian() throws IOException {
        byte[] h = SyntheticCore.header(0);
        h[5] = 2;
        assertRejected(write("be", h), "little-endian");
    }

    @Test
    void otherMachine() throws IOException {
        byte[] h = SyntheticCore.header(0);
        h[18] = (byte) 183;   // aarch64
        assertRejected(write("arm", h), "not x86-64");
    }

    @Test
    void programHeadersPastTheEnd() throws IOException {
        byte[] h = SyntheticCore.header(5);
        assertRejected(write("noph", h), "program headers");
    }

    @Test
    void anExecutableIsNotACore() {
        Path exe = Fixtures.binary("info_fixture");
        CoreFormatException e = assertThrows(CoreFormatException.class, () -> CoreReader.read(exe, CoreOptions.NONE));
        assertTrue(e.getMessage().contains("not a core"), e.getMessage());
    }

    @Test
    void noteRunningPastItsArea() throws IOException {
        byte[] core = new SyntheticCore().note("CORE", 1, SyntheticCore.prstatus(1, 0, 0, 0)).build();
        ByteBuffer.wrap(core).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(64 + 56 + 4, 100000);
        assertNotACore(write("badnote", core), "runs past");
    }

    /** Every prefix of a small valid core is rejected cleanly or read; nothing else escapes. */
    @Test
    void everyTruncationIsAFormatErrorOrReadable() throws IOException {
        byte[] core = new SyntheticCore().note("CORE", 1, SyntheticCore.prstatus(1, 0, 0, 0))
                .note("CORE", 0x46494c45, SyntheticCore.ntFile(1, new Object[] {0x1000L, 0x2000L, 0L, "/a"}))
                .load(0x1000, new byte[64], 0x1000, Segment.PF_R).build();
        for (int len = 0; len < core.length; len++) {
            Path p = write("cut", Arrays.copyOf(core, len));
            try {
                CoreReader.read(p, CoreOptions.NONE);
            } catch (CoreFormatException expected) {
                // the one allowed failure
            }
        }
    }

    /** Flipping any single byte of the headers and notes gives a model or a format error. */
    @Test
    void corruptBytesAreAFormatErrorOrReadable() throws IOException {
        byte[] core = new SyntheticCore().note("CORE", 1, SyntheticCore.prstatus(1, 0, 0, 0))
                .note("CORE", 0x46494c45, SyntheticCore.ntFile(1, new Object[] {0x1000L, 0x2000L, 0L, "/a"}))
                .note("CORE", 6, SyntheticCore.auxv(3, 0x1000, 5, 1)).load(0x1000, new byte[64], 0x1000, 4).build();
        for (int i = 0; i < core.length - 64; i++) {
            byte[] bad = core.clone();
            bad[i] ^= (byte) 0xff;
            Path p = write("bad", bad);
            try {
                CoreReader.read(p, CoreOptions.NONE);
            } catch (CoreFormatException expected) {
                // the one allowed failure
            }
        }
    }
}

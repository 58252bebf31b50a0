package maze.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zeros become holes, the bytes read back the same, and the size counts a trailing hole. */
class SparseWriterTest {
    @TempDir
    Path tmp;

    @Test
    void zerosReadBackAndTakeNoDisk() throws Exception {
        Path p = tmp.resolve("f");
        byte[] zeros = new byte[SparseWriter.CHUNK];
        byte[] data = "data".getBytes(StandardCharsets.UTF_8);
        try (SparseWriter w = new SparseWriter(p)) {
            w.write(data, data.length);
            for (int i = 0; i < 16; i++) {
                w.write(zeros, zeros.length);
            }
        }
        assertEquals(data.length + 16L * SparseWriter.CHUNK, Files.size(p));
        byte[] back = Files.readAllBytes(p);
        assertArrayEquals(data, java.util.Arrays.copyOf(back, data.length));
        assertTrue(java.util.Arrays.mismatch(back, data.length, back.length, new byte[back.length - data.length],
                0, back.length - data.length) == -1);
        long allocated = blocks(p) * 512;
        assertTrue(allocated < 4L * SparseWriter.CHUNK, "holes, not 16 MiB of zeros: " + allocated);
    }

    @Test
    void neverOverwrites() throws Exception {
        Path p = Files.writeString(tmp.resolve("g"), "x");
        assertThrows(FileAlreadyExistsException.class, () -> new SparseWriter(p).close());
    }

    private static long blocks(Path p) throws Exception {
        Process stat = new ProcessBuilder("stat", "-c", "%b", p.toString()).start();
        String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        stat.waitFor();
        return Long.parseLong(out);
    }
}

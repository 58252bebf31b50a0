package maze.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import maze.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A core maze cannot map (segments larger than the address-space limit) or read (/proc/self/mem)
 * ends in one line naming the file and the reason, exit 3; a core whose file is larger than its
 * segments is mapped only as far as they reach, so such a core still works under the limit.
 */
class UnmappableCoreTest {
    private static final long GIB = 1L << 30;
    private static final String LIMIT_KIB = "3000000";

    @TempDir
    Path tmp;

    @Test
    void segmentsLargerThanTheAddressSpaceLimitAreOneLine() throws Exception {
        Path core = sparseCore(6 * GIB, 6 * GIB);
        Result r = underLimit("blocks", core.toString());
        assertEquals(3, r.exit, r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.contains(core.toString()) && r.err.contains("ulimit -v"), r.err);
    }

    @Test
    void aFileLargerThanItsSegmentsMapsOnlyTheSegments() throws Exception {
        Path core = sparseCore(4096, 8 * GIB);
        Result r = underLimit("blocks", core.toString());
        // past the mapping, the analysis finds what this synthetic core lacks: an allocator
        assertEquals(6, r.exit, r.err);
        assertTrue(r.err.contains("no supported allocator"), r.err);
    }

    @Test
    void procSelfMemIsOneLine() {
        for (List<String> args : List.of(List.of("info", "/proc/self/mem"), List.of("blocks", "/proc/self/mem"),
                List.of("pack", "/proc/self/mem", "-o", tmp.resolve("b.tar.gz").toString()))) {
            PrintStream old = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            try {
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                code = Main.run(args.toArray(String[]::new));
            } finally {
                System.setErr(old);
            }
            String e = err.toString(StandardCharsets.UTF_8);
            assertEquals(3, code, args + ": " + e);
            assertEquals(1, e.strip().lines().count(), e);
            assertTrue(e.startsWith("maze: /proc/self/mem: "), e);
        }
    }

    /** One PT_LOAD with {@code loadBytes} of file bytes (a hole), in a file of {@code fileBytes}. */
    private Path sparseCore(long loadBytes, long fileBytes) throws IOException {
        Path core = tmp.resolve("core");
        byte[] small = new SyntheticCore()
                .note("CORE", 1, SyntheticCore.prstatus(100, 0x401000, 0x7ffc0000, 0x7f0000001740L))
                .note("CORE", 3, SyntheticCore.prpsinfo(100, 7, "prog", "prog"))
                .load(0x10000000L, new byte[16], 16, 6).build();
        ByteBuffer b = ByteBuffer.wrap(small).order(ByteOrder.LITTLE_ENDIAN);
        long loadOffset = b.getLong(120 + 8);
        b.putLong(120 + 32, loadBytes).putLong(120 + 40, loadBytes);
        Files.write(core, small);
        try (FileChannel ch = FileChannel.open(core, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[1]), Math.max(fileBytes, loadOffset + loadBytes) - 1);
        }
        return core;
    }

    record Result(int exit, String err) {
    }

    /** maze in a child JVM under ulimit -v (a JVM's own reservations kept small enough to start). */
    private static Result underLimit(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = "ulimit -v " + LIMIT_KIB + " && exec '" + java + "' -Xmx256m -XX:ReservedCodeCacheSize=64m"
                + " -XX:CompressedClassSpaceSize=64m -cp '" + System.getProperty("java.class.path") + "' maze.cli.Main "
                + String.join(" ", args);
        Process p = new ProcessBuilder("bash", "-c", cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), err);
    }
}

package maze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pack and capture parse, teach, and map their failures to the documented exit codes. */
class PackCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void helpTeachesWithExamples() {
        String out = stdout(() -> Main.run("pack", "--help"));
        assertTrue(out.contains("maze pack core.1234"), out);
        out = stdout(() -> Main.run("capture", "--help"));
        assertTrue(out.contains("maze capture --pid 1234") && out.contains("READY FOR GCORE"), out);
    }

    @Test
    void captureWantsPidOrCommandButNotBoth() {
        assertEquals(ExitCode.USAGE.code, Main.run("capture"));
        assertEquals(ExitCode.USAGE.code, Main.run("capture", "--pid", "1", "--", "true"));
        assertEquals(ExitCode.USAGE.code, Main.run("capture", "--timeout", "0", "--", "true"));
    }

    @Test
    void anOutputThatWouldReplaceTheCoreIsRefused() throws Exception {
        Path core = Files.writeString(tmp.resolve("core.1"), "the only copy");
        assertEquals(ExitCode.USAGE.code, Main.run("pack", core.toString(), "-o", core.toString()));
        assertEquals(ExitCode.USAGE.code, Main.run("blocks", core.toString(), "-o", core.toString()));
        assertEquals(ExitCode.USAGE.code, Main.run("analyze", core.toString(), "--json", core.toString()));
        assertEquals("the only copy", Files.readString(core));
    }

    @Test
    void missingCoreIsBadInput() {
        assertEquals(ExitCode.BAD_INPUT.code, Main.run("pack", tmp.resolve("no-core").toString()));
    }

    @Test
    void commandThatNeverGetsReadyIsBadInput() {
        int code = Main.run("capture", "--timeout", "5", "-o", tmp.resolve("b.tar.gz").toString(), "--", "true");
        assertEquals(ExitCode.BAD_INPUT.code, code);
    }

    @Test
    void pidThatDoesNotExistIsAGcoreFailure() {
        assertEquals(ExitCode.GDB.code, Main.run("capture", "--pid", "999999999", "-o", tmp.resolve("b.tar.gz").toString()));
    }

    private static String stdout(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}

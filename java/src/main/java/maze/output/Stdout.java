package maze.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Standard output with its errors kept: a PrintStream or PrintWriter swallows a full disk or a
 * closed pipe, so {@code maze blocks CORE > /dev/full} would end "successfully" with nothing written.
 */
public final class Stdout {
    private Stdout() {
    }

    /** A stream over System.out (never closing it) that throws once System.out saw an error. */
    public static OutputStream stream() {
        PrintStream out = System.out;
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                check(out.checkError());
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                check(out.checkError());
            }

            @Override
            public void flush() throws IOException {
                check(out.checkError());
            }
        };
    }

    /** The process's own stdout, once main() said so (tests that swap System.out never do). */
    private static volatile PrintStream real;

    /** Called by main() before anything is written: System.out is then fd 1 itself. */
    public static void markReal() {
        real = System.out;
    }

    /** Throws when {@code out} (picocli's writer over stdout) could not write everything. */
    public static void check(PrintWriter out) throws OutputException {
        check(out.checkError() || System.out.checkError());
    }

    private static void check(boolean failed) throws OutputException {
        if (failed) {
            String where = describe();
            // a pipe never fills up into an error: a failed write to one means its reader left
            if (System.out == real && where.startsWith(" (pipe:")) {
                throw OutputException.readerGone("stdout" + where);
            }
            throw OutputException.failed("stdout" + where, "the write failed (the disk is full, or its reader closed it)");
        }
    }

    /** Where fd 1 goes, when the kernel says ("/dev/full", "pipe:[1234]"). */
    private static String describe() {
        try {
            return " (" + Files.readSymbolicLink(Path.of("/proc/self/fd/1")) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}

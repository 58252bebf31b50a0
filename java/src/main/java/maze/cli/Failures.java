package maze.cli;

import maze.core.CoreFormatException;
import maze.gdb.GdbException;
import maze.layout.LayoutException;
import maze.memory.UnmappedAddressException;
import maze.output.OutputException;
import picocli.CommandLine;

/** Maps the exceptions a command may end with to a one-line message and a documented exit code. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception thrown, CommandLine cl, CommandLine.ParseResult parsed) {
        Exception ex = unwrapOutput(thrown);
        if (ex instanceof OutputException o && o.readerGone()) {
            return ExitCode.READER_GONE.code; // as `| head` ends any Unix tool: quietly, 128 + SIGPIPE
        }
        ExitCode code = classify(ex);
        if (code == ExitCode.INTERNAL) {
            ex.printStackTrace(cl.getErr());
        }
        cl.getErr().println("maze: " + message(ex));
        ArgumentHints.forMissingFile(ex).ifPresent(h -> cl.getErr().println("maze: " + h));
        return code.code;
    }

    /** The line the user reads: a file-system exception's bare path also says what went wrong. */
    static String message(Throwable ex) {
        if (ex instanceof java.nio.file.FileSystemException f && f.getReason() == null) {
            String what = ex instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : ex instanceof java.nio.file.AccessDeniedException ? "permission denied" : "cannot be used";
            return f.getFile() + ": " + what;
        }
        return ex.getMessage();
    }

    /** A listing writer wraps its stream's errors; the output's own line is what the user needs. */
    private static Exception unwrapOutput(Exception ex) {
        return ex instanceof java.io.UncheckedIOException u && u.getCause() instanceof OutputException o ? o : ex;
    }

    static ExitCode classify(Throwable ex) {
        if (ex instanceof UserError u) {
            return u.code();
        }
        if (ex instanceof OutputException o) {
            return o.refused() ? ExitCode.USAGE : ExitCode.BAD_INPUT;
        }
        if (ex instanceof CoreFormatException || ex instanceof maze.pack.BundleException || ex instanceof java.nio.file.NoSuchFileException
                || ex instanceof java.nio.file.AccessDeniedException) {
            return ExitCode.BAD_INPUT;
        }
        if (ex instanceof maze.app.NoAllocatorException) {
            return ExitCode.NO_ALLOCATOR;
        }
        if (ex instanceof LayoutException) {
            return ExitCode.NO_LAYOUT;
        }
        if (ex instanceof GdbException) {
            return ExitCode.GDB;
        }
        if (ex instanceof UnmappedAddressException) {
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.INTERNAL;
    }
}

package maze.cli;

import maze.core.CoreFormatException;
import maze.gdb.GdbException;
import maze.layout.LayoutException;
import maze.memory.UnmappedAddressException;
import picocli.CommandLine;

/** Maps the exceptions a command may end with to a one-line message and a documented exit code. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        ExitCode code = classify(ex);
        if (code == ExitCode.INTERNAL) {
            ex.printStackTrace(cl.getErr());
        }
        cl.getErr().println("maze: " + ex.getMessage());
        return code.code;
    }

    static ExitCode classify(Throwable ex) {
        if (ex instanceof UserError u) {
            return u.code();
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

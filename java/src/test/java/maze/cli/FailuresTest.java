package maze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import maze.gdb.GdbCommandException;
import maze.gdb.GdbException;
import maze.layout.LayoutException;
import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void gdbAndLayoutFailuresHaveTheirOwnExitCodes() {
        assertEquals(ExitCode.GDB, Failures.classify(new GdbException("cannot start gdb")));
        assertEquals(ExitCode.GDB, Failures.classify(new GdbCommandException("-x", "bad")));
        assertEquals(ExitCode.NO_LAYOUT, Failures.classify(new LayoutException("no DWARF")));
        assertEquals(ExitCode.INTERNAL, Failures.classify(new IllegalStateException("bug")));
    }
}

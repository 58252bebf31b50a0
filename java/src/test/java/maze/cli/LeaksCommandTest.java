package maze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import maze.testing.CliRun;
import org.junit.jupiter.api.Test;

/** maze leaks and maze refs: their command lines, checked before any core is read. */
class LeaksCommandTest {
    @Test
    void allAndOutputGoWithList() {
        CliRun all = CliRun.maze("leaks", "/nonexistent/core", "--all");
        assertEquals(ExitCode.USAGE.code, all.exit(), all.err());
        assertTrue(all.err().contains("--all goes with --list"), all.err());
        CliRun out = CliRun.maze("leaks", "/nonexistent/core", "-o", "/tmp/x.jsonl");
        assertEquals(ExitCode.USAGE.code, out.exit(), out.err());
        assertTrue(out.err().contains("-o goes with --list"), out.err());
    }

    @Test
    void refsWantsAnAddress() {
        CliRun r = CliRun.maze("refs", "/nonexistent/core", "0xzz");
        assertEquals(ExitCode.USAGE.code, r.exit(), r.err());
        assertTrue(r.err().contains("ADDR must be an address such as 0x5581e0a012c0, not '0xzz'"), r.err());
        assertEquals(0x5581e0a012c0L, RefsCommand.parse("0x5581E0A012C0"));
        assertEquals(4096, RefsCommand.parse("4096"));
    }

    @Test
    void helpExplainsTheSets() {
        CliRun r = CliRun.maze("leaks", "--help");
        assertEquals(ExitCode.OK.code, r.exit(), r.err());
        for (String word : new String[] {"anchored", "leaked", "unreferenced", "--list", "maze refs"}) {
            assertTrue(r.out().contains(word), word + " in\n" + r.out());
        }
        CliRun refs = CliRun.maze("refs", "--help");
        assertEquals(ExitCode.OK.code, refs.exit(), refs.err());
        assertTrue(refs.out().contains("shortest chain of pointers from a root"), refs.out());
    }

    @Test
    void retainedIsNotInThePage() {
        CliRun r = CliRun.maze("analyze", "/nonexistent/core", "--retained", "--html", "/tmp/r.html");
        assertEquals(ExitCode.USAGE.code, r.exit(), r.err());
        assertTrue(r.err().contains("--retained is shown as text or JSON, not in the page"), r.err());
    }
}

package maze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import maze.gdb.GdbTesting;
import maze.testing.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The README's first command: builds the bundled service, gcores it, prints the analysis. */
@Tag("gcore")
class DemoCommandTest {
    @Test
    void theDemoPrintsTheTableTheProcessAndNoWarning() {
        GdbTesting.requireGlibcDebugInfo();
        CliRun r = CliRun.maze("demo", "--top", "50");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("demo::HttpSession"), "the C++ types are named: " + r.out());
        assertTrue(r.out().contains("Warnings:     none"), r.out());
        Matcher total = Pattern.compile("Process memory: (\\d+) bytes").matcher(r.out());
        assertTrue(total.find(), r.out());
        long sum = 0;
        for (String category : new String[] {"malloc live", "malloc free and overhead", "other anonymous",
                "thread stacks", "file-backed"}) {
            Matcher m = Pattern.compile("\\n  " + category + " +(\\d+) ").matcher(r.out());
            assertTrue(m.find(), category + " in " + r.out());
            sum += Long.parseLong(m.group(1));
        }
        assertEquals(Long.parseLong(total.group(1)), sum, "the categories add up to the process's memory");
    }
}

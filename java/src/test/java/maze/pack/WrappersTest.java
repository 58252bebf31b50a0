package maze.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A shell that forks its command is seen through; a program that is no wrapper is captured itself. */
class WrappersTest {
    @Test
    void followsAForkingShellToItsChild() throws Exception {
        try (ReadyProcess p = ReadyProcess.start(List.of("sh", "-c", "echo go; sleep 60; true"), null, "go",
                Duration.ofSeconds(20))) {
            String cmd = waitForSleep(p.pid());
            assertTrue(cmd.endsWith("/sleep"), cmd);
        }
    }

    @Test
    void aProgramThatIsNoWrapperIsItself() throws Exception {
        try (ReadyProcess p = ReadyProcess.start(List.of("tail", "-f", "/dev/null", "-v"), null, "==>",
                Duration.ofSeconds(20))) {
            assertEquals(p.pid(), Wrappers.innermost(p.pid()));
        }
    }

    /** The shell prints before it forks, and its child is a shell until it execs sleep: give it a moment. */
    private static String waitForSleep(long pid) throws InterruptedException {
        String cmd = "";
        for (int i = 0; i < 100 && !cmd.endsWith("/sleep"); i++) {
            Thread.sleep(50);
            long inner = Wrappers.innermost(pid);
            cmd = ProcessHandle.of(inner).flatMap(h -> h.info().command()).orElse("");
        }
        return cmd;
    }
}

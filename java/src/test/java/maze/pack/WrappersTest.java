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
            long inner = waitForChild(p.pid());
            assertTrue(inner != p.pid());
            String cmd = ProcessHandle.of(inner).orElseThrow().info().command().orElse("");
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

    /** The shell prints before it forks sleep: give it a moment. */
    private static long waitForChild(long pid) throws InterruptedException {
        long inner = pid;
        for (int i = 0; i < 100 && inner == pid; i++) {
            Thread.sleep(50);
            inner = Wrappers.innermost(pid);
        }
        return inner;
    }
}

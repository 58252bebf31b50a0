package maze.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress line names the phase, and counts blocks once there are some; never "?%". */
class ProgressTest {
    @Test
    void beforeTheFirstBlockOnlyThePhaseAndTime() {
        assertEquals("maze: finding allocators (3 s)", Progress.line("finding allocators", 0, Duration.ofMillis(3400)));
    }

    @Test
    void duringTheWalkTheBlocksSoFar() {
        assertEquals("maze: walking heap: 1,310,720 blocks (12 s)",
                Progress.line("walking heap", 1_310_720, Duration.ofSeconds(12)));
    }
}

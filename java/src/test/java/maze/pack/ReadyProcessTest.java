package maze.pack;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A program that talks a lot and never gets ready: bounded memory, a short message with its last words. */
class ReadyProcessTest {
    @Test
    void aChattyProgramIsQuotedByItsLastLinesOnly() {
        IOException e = assertThrows(IOException.class, () -> ReadyProcess.start(
                List.of("sh", "-c", "seq 1 50000; echo the-last-word"), null, "never printed", Duration.ofSeconds(60)));
        assertTrue(e.getMessage().contains("the-last-word"), e.getMessage().substring(0, 200));
        assertTrue(e.getMessage().length() < 2000, "message of " + e.getMessage().length() + " chars");
    }
}

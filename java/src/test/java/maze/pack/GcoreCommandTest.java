package maze.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** DESIGN "Safety": every gdb maze starts has -nx and auto-load off, the one taking cores too. */
@Tag("gcore")
class GcoreCommandTest {
    @Test
    void gdbTakesTheCoreWithoutInitFilesOrAutoLoad() {
        List<String> cmd = Gcore.command(42, Path.of("/tmp/x/core.42"));
        assertEquals("gdb", cmd.get(0));
        assertTrue(cmd.contains("-nx"), cmd.toString());
        int autoLoad = cmd.indexOf("set auto-load off");
        assertTrue(autoLoad > 0 && cmd.get(autoLoad - 1).equals("-iex"), "before anything is loaded: " + cmd);
        assertTrue(cmd.indexOf("attach 42") < cmd.indexOf("gcore /tmp/x/core.42"), cmd.toString());
    }
}

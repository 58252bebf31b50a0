package maze.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import maze.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process chose its own argv and the paths it mapped: maze info prints them with control
 * characters escaped, so they can neither forge a line of the report nor drive the terminal.
 */
class HostileTextTest {
    private static final String ARGS = "./prog\nexe:      /forged\u001b[2J\u007f";
    private static final String PATH = "/tmp/lib\rmodules (0):\u001b]0;title\u0007.so";

    @TempDir
    Path tmp;

    @Test
    void textAndJsonCarryNoControlCharacter() throws IOException {
        Path core = tmp.resolve("core");
        Files.write(core, new SyntheticCore()
                .note("CORE", 1, SyntheticCore.prstatus(100, 0x401000, 0x7ffc0000, 0x7f0000001740L))
                .note("CORE", 3, SyntheticCore.prpsinfo(100, 7, "prog", ARGS))
                .note("CORE", 0x46494c45, SyntheticCore.ntFile(1, new Object[] {0x1000L, 0x3000L, 0L, PATH}))
                .build());
        String text = stdout("info", core.toString());
        assertTrue(text.contains("command:  ./prog\\x0aexe:      /forged\\x1b[2J\\x7f"), text);
        assertTrue(text.contains("/tmp/lib\\x0dmodules (0):\\x1b]0;title\\x07.so"), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("exe:")).count(), text);
        String json = stdout("info", core.toString(), "--json");
        for (String out : new String[] {text, json}) {
            assertFalse(out.chars().anyMatch(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f))), out);
        }
        assertTrue(json.contains("\\n") && json.contains("\\u001B"), json);
    }

    private static String stdout(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run(args));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}

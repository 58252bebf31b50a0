package maze.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import maze.testing.Fixtures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index against a real compiler's vtables: a program prints the first word of objects with
 * plain, virtual-base, multiple-inheritance and template classes; nm gives the _ZTV symbols. Built
 * without PIE so symbol values are the runtime addresses.
 */
class RealVtablesTest {

    @Test
    void everyObjectsVptrNamesItsClass(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("vptrs.cpp");
        try (InputStream in = getClass().getResourceAsStream("vptrs.cpp")) {
            Files.copy(in, source);
        }
        Path exe = dir.resolve("vptrs");
        Fixtures.require(run(dir, "g++", "-O0", "-no-pie", "-o", exe.toString(), source.toString()) != null,
                "g++ is not installed");
        List<String> printed = run(dir, exe.toString());
        List<String> nm = run(dir, "nm", "-S", "--defined-only", exe.toString());
        Fixtures.require(nm != null, "nm (binutils) is not installed");

        List<String> warnings = new ArrayList<>();
        VtableIndex index = VtableIndex.build(vtableSymbols(nm), new Demangler(), warnings::add);
        assertEquals(List.of(), warnings);
        assertEquals(7, printed.size());
        for (String line : printed) {
            String[] f = line.split(" ");
            int id = index.classOf(Long.decode(f[1]));
            assertTrue(id >= 0, "no class for " + line);
            assertEquals(f[0], index.names().className(id), line);
        }
    }

    private static List<VtableSymbol> vtableSymbols(List<String> nm) {
        List<VtableSymbol> out = new ArrayList<>();
        for (String line : nm) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4 && VtableSymbol.isVtableName(f[3])) {
                out.add(new VtableSymbol(f[3], Long.parseUnsignedLong(f[0], 16), Long.parseLong(f[1], 16), true));
            }
        }
        return out;
    }

    /** The command's output lines, or null when it could not start. */
    private static List<String> run(Path dir, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return null;
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " hangs");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + text);
        return text.lines().toList();
    }
}

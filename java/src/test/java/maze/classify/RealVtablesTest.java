package maze.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import maze.testing.Tools;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        Tools.run(dir, "g++", "-O0", "-no-pie", "-o", exe.toString(), source.toString());
        List<String> printed = Tools.run(dir, exe.toString());
        List<String> nm = Tools.run(dir, "nm", "-S", "--defined-only", exe.toString());

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
}

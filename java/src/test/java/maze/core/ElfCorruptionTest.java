package maze.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import maze.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged executable gives answers or a CoreFormatException from every accessor, never anything else. */
class ElfCorruptionTest {
    @TempDir
    Path tmp;

    @Test
    void everyHeaderByteFlipped() throws IOException {
        byte[] good = Files.readAllBytes(Fixtures.binary("info_fixture"));
        Path p = tmp.resolve("bad");
        for (int i = 0; i < good.length; i++) {
            if (i >= 0x400 && i < good.length - 0x800) {
                continue;   // code and data in between: headers live at the start and the end
            }
            byte[] bad = good.clone();
            bad[i] ^= (byte) 0xff;
            Files.write(p, bad);
            exercise(p);
        }
    }

    private static void exercise(Path p) {
        try (ElfFile elf = ElfFile.open(p)) {
            elf.buildId();
            elf.debugLink();
            elf.dynamic();
            elf.findSymbol("main");
            elf.forEachSymbol("", s -> { });
        } catch (CoreFormatException expected) {
            // the one allowed failure
        }
    }
}

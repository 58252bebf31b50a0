package maze.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import maze.cli.Main;
import maze.testing.FixtureProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip: the fixture's library exists only in a temporary folder; its core is
 * analyzed while the folder exists, captured into a bundle, the folder deleted, and the bundle
 * analyzed: the block listings are equal, block for block. Enabled once maze blocks exists and
 * accepts a bundle.
 */
@Tag("needs-analysis")
class BundleAnalysisRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void bundleAnalyzesLikeTheOriginalHost() throws Exception {
        PackFixture f = PackFixture.in(tmp);
        Path core;
        try (ReadyProcess p = ReadyProcess.start(f.command(), null, FixtureProcess.READY, FixtureProcess.defaultTimeout())) {
            core = Gcore.capture(p.pid(), tmp);
        }
        String before = blocks(core);
        Path bundle = new Packer(new HostCoreAccess(), "test", "testhost").pack(core, null, tmp.resolve("b.tar.gz")).bundle();
        f.deleteLibs();
        String after = blocks(bundle);
        assertFalse(before.isBlank(), "maze blocks listed nothing");
        assertEquals(before, after);
    }

    private static String blocks(Path input) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("blocks", input.toString()), "maze blocks " + input);
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}

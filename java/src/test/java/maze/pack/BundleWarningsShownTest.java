package maze.pack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import maze.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the packer warned about travels with the bundle and is shown by every command that reads it. */
class BundleWarningsShownTest {
    @TempDir
    Path tmp;

    @Test
    void analyzeInfoAndBlocksShowTheBundlesWarningsOnStderr() throws IOException {
        List<TestBundles.Item> files = TestBundles.honestFiles();
        Manifest honest = TestBundles.manifestFor(files);
        Manifest warned = new Manifest(honest.format(), honest.mazeVersion(), honest.packedAt(), honest.host(),
                honest.pid(), honest.commandLine(), honest.exe(), honest.core(), honest.modules(),
                List.of("BUILD-ID MISMATCH: /usr/lib/libx.so has build-id 01\u001b[2J", "UNVERIFIED: /usr/bin/demo"));
        files.add(TestBundles.manifestItem(warned));
        Path bundle = TestBundles.write(tmp.resolve("b.tar.gz"), files);
        for (String command : List.of("analyze", "info", "blocks")) {
            String err = stderr(command, bundle.toString());
            assertTrue(err.contains("maze: WARNING: bundle: BUILD-ID MISMATCH: /usr/lib/libx.so has build-id 01\\x1b[2J"), err);
            assertTrue(err.contains("maze: WARNING: bundle: UNVERIFIED: /usr/bin/demo"), err);
        }
    }

    private static String stderr(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Main.run(args); // the core of this bundle is no ELF: the run fails after the warnings
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}

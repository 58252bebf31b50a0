package maze.gdb;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import maze.testing.Fixtures;

/** Builds the small C programs under test resources gdb/ with the system's cc, for one test. */
public final class CBuild {
    private CBuild() {
    }

    /** Compiles resource gdb/{@code source} into {@code out} with {@code flags}; returns out. */
    public static Path compile(String source, Path out, String... flags) throws IOException, InterruptedException {
        Fixtures.require(onPath("cc"), "no C compiler (cc) on the PATH");
        Path src = out.resolveSibling(source);
        try (InputStream in = CBuild.class.getResourceAsStream("/gdb/" + source)) {
            Files.copy(in, src, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> cmd = new ArrayList<>(List.of("cc", "-o", out.toString()));
        cmd.addAll(List.of(flags));
        cmd.add(src.toString());
        run(cmd);
        return out;
    }

    /** shapes.c as a shared library with build-id {@code 0xHEX} and its DWARF stripped (ELF symbols stay). */
    public static Path strippedShapes(Path out, String buildIdHex) throws IOException, InterruptedException {
        compile("shapes.c", out, "-g", "-shared", "-fPIC", "-Wl,--build-id=0x" + buildIdHex);
        run(List.of("strip", "--strip-debug", out.toString()));
        return out;
    }

    /** Runs a build tool; fails with its output when it does not succeed. */
    public static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + log);
        }
    }

    public static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}

package maze.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import maze.pack.Gcore;
import maze.pack.ReadyProcess;

/**
 * The demo's real example: the fixture source bundled in the jar is compiled once (cached by its
 * hash), run until it is ready, and captured with gcore while it keeps running.
 */
public final class DemoFixture {
    private static final String SOURCE = "/maze/fixtures/demo.cpp";
    static final String READY = ">>> READY FOR GCORE <<<";

    private DemoFixture() {
    }

    /** A core taken of the running demo program, and the program's path. */
    public record Captured(Path core, Path exe) {
    }

    public static Captured capture(Path cacheDir, Path coreDir, PrintStream log) throws IOException, InterruptedException {
        Path exe = build(cacheDir, log);
        log.println("maze demo: running " + exe + " until it is ready ...");
        try (ReadyProcess p = ReadyProcess.start(List.of(exe.toString()), coreDir, READY, Duration.ofMinutes(2))) {
            log.println("maze demo: gcore of pid " + p.pid() + " ...");
            return new Captured(Gcore.capture(p.pid(), coreDir), exe);
        }
    }

    private static Path build(Path cacheDir, PrintStream log) throws IOException, InterruptedException {
        byte[] source = source();
        Path dir = cacheDir.resolve("demo-" + sha256(source).substring(0, 16));
        Path exe = dir.resolve("maze-demo");
        if (Files.isExecutable(exe)) {
            return exe;
        }
        Files.createDirectories(dir);
        Path src = dir.resolve("demo.cpp");
        Files.write(src, source);
        log.println("maze demo: compiling the demo program with g++ ...");
        Path tmp = dir.resolve("maze-demo.tmp");
        Process cc = new ProcessBuilder("g++", "-std=c++17", "-O1", "-g", "-pthread", "-o", tmp.toString(), src.toString())
                .redirectErrorStream(true).start();
        String out = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cc.waitFor(5, TimeUnit.MINUTES) || cc.exitValue() != 0) {
            throw new IOException("g++ could not build the demo program (apt-get install g++): " + out.strip());
        }
        Files.move(tmp, exe); // atomic publish: a half-built binary is never reused
        return exe;
    }

    private static byte[] source() throws IOException {
        try (InputStream in = DemoFixture.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IOException("the demo source " + SOURCE + " is not in maze's jar (rebuild with mvn package)");
            }
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

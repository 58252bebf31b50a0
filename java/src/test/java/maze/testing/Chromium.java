package maze.testing;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Debian's chromium (tests/provision/chromium.sh) rendering a local page headless: its DOM after
 * the scripts ran, and a screenshot. Missing chromium fails in CI and skips locally.
 */
public final class Chromium {
    private Chromium() {
    }

    /** What one page rendered to. */
    public record Rendered(String dom, Path png, String log) {
        /** The fraction of the screenshot's pixels that are not the page's white background. */
        public double inkedFraction() throws IOException {
            BufferedImage img = ImageIO.read(png.toFile());
            if (img == null) {
                throw new IOException(png + " is not an image chromium wrote");
            }
            long inked = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                        inked++;
                    }
                }
            }
            return (double) inked / ((long) img.getWidth() * img.getHeight());
        }
    }

    /** The browser: $MAZE_CHROMIUM, else chromium on PATH. */
    public static Path binary() {
        String env = System.getenv("MAZE_CHROMIUM");
        if (env != null) {
            return Path.of(env);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "chromium");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** The browser, or a failure (CI) / skip (locally) saying how to install it. */
    public static Path required() {
        Path exe = binary();
        Fixtures.require(exe != null && Files.isExecutable(exe),
                "chromium not found (bash tests/provision/chromium.sh installs Debian's package)");
        return exe;
    }

    /** Renders {@code page} in a {@code width} x {@code height} window, working in {@code dir}. */
    public static Rendered render(Path page, Path dir, int width, int height) throws IOException, InterruptedException {
        Path exe = required();
        Path png = dir.resolve(page.getFileName() + ".png");
        Path dom = dir.resolve(page.getFileName() + ".dom");
        Path log = dir.resolve(page.getFileName() + ".log");
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        Process p = new ProcessBuilder(List.of(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--hide-scrollbars", "--screenshot=" + png, "--dump-dom", page.toUri().toString()))
                .redirectOutput(dom.toFile()).redirectError(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException("chromium did not finish rendering " + page + " within 2 minutes");
        }
        String err = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || !Files.isRegularFile(png)) {
            throw new IOException("chromium exited " + p.exitValue() + " on " + page + ": " + err);
        }
        return new Rendered(Files.readString(dom, StandardCharsets.UTF_8), png, err);
    }
}

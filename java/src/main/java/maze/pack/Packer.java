package maze.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import maze.core.CoreModel;
import maze.core.CoreOptions;

/** Packs a core, or captures a live process and packs it: what {@code maze pack} and {@code maze capture} do. */
public final class Packer {
    private final CoreAccess access;
    private final BundleWriter writer;

    public Packer(CoreAccess access, String mazeVersion, String host) {
        this.access = access;
        this.writer = new BundleWriter(access, mazeVersion, host);
    }

    /** Packs {@code core}; {@code exe} overrides the executable the core names; {@code out} null: CORE.tar.gz here. */
    public PackResult pack(Path core, Path exe, Path out) throws IOException {
        if (!Files.isRegularFile(core)) {
            throw new NoSuchFileException(core.toString(), null, "no such core file");
        }
        CoreModel model = access.read(core, new CoreOptions(exe, null));
        Path bundle = out != null ? out : Path.of(core.getFileName() + ".tar.gz");
        return new PackResult(bundle, writer.write(model, bundle));
    }

    /** gcores {@code pid} into a scratch folder beside the bundle, packs it, removes the core; the process runs on. */
    public PackResult capture(long pid, Path out) throws IOException, InterruptedException {
        Path bundle = out != null ? out : Path.of("core." + pid + ".tar.gz");
        Path scratch = Folders.createPrivateTemp(bundle.toAbsolutePath().getParent());
        try {
            Path core = gcore(pid, scratch);
            return pack(core, null, bundle);
        } finally {
            Folders.deleteTree(scratch);
        }
    }

    /**
     * Starts {@code command}, waits for {@code ready} on its stdout, captures it (the program behind
     * a wrapper such as {@code sh -c}, see {@link Wrappers}), then ends it.
     */
    public PackResult capture(List<String> command, String ready, Duration timeout, Path out)
            throws IOException, InterruptedException {
        ReadyProcess p;
        try {
            p = ReadyProcess.start(command, null, ready, timeout);
        } catch (IOException e) {
            throw new CaptureException(CaptureException.Stage.START, e.getMessage(), e);
        }
        try (p) {
            return capture(Wrappers.innermost(p.pid()), out);
        }
    }

    private static Path gcore(long pid, Path dir) throws IOException, InterruptedException {
        try {
            return Gcore.capture(pid, dir);
        } catch (IOException e) {
            throw new CaptureException(CaptureException.Stage.GCORE, e.getMessage(), e);
        }
    }

    /** This host's name, as the kernel has it (no DNS look-up). */
    public static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}

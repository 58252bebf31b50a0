package maze.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import maze.core.CoreModel;
import maze.core.CoreOptions;
import maze.output.OutputFile;

/** Packs a core, or captures a live process and packs it: what {@code maze pack} and {@code maze capture} do. */
public final class Packer {
    private final CoreAccess access;
    private final BundleWriter writer;

    public Packer(CoreAccess access, String mazeVersion, String host) {
        this.access = access;
        this.writer = new BundleWriter(access, mazeVersion, host);
    }

    /** Where a bundle goes when -o is not given: CORE.tar.gz (or core.PID.tar.gz) in this folder. */
    public static Path defaultBundle(Path core) {
        return Path.of(core.getFileName() + ".tar.gz");
    }

    /** As {@link #pack(Path, OutputFile, PackOptions)} into a private file at {@code out} (null: the default name). */
    public PackResult pack(Path core, Path exe, Path out) throws IOException {
        Path bundle = out != null ? out : defaultBundle(core);
        return pack(core, OutputFile.check(bundle, "-o", List.of(core), true), new PackOptions(exe, false));
    }

    /** Packs {@code core} into {@code out}; {@code options.exe()} overrides the executable the core names. */
    public PackResult pack(Path core, OutputFile out, PackOptions options) throws IOException {
        if (!Files.isRegularFile(core)) {
            throw new NoSuchFileException(core.toString(), null, "no such core file");
        }
        CoreModel model = access.read(core, new CoreOptions(options.exe(), null));
        return new PackResult(out.target(), writer.write(model, out, options));
    }

    /** gcores {@code pid} into a scratch folder beside the bundle, packs it, removes the core; the process runs on. */
    public PackResult capture(long pid, OutputFile out, PackOptions options) throws IOException, InterruptedException {
        Path scratch = Folders.createPrivateTemp(out.target().getParent());
        try {
            Path core = gcore(pid, scratch);
            return pack(core, out, options);
        } finally {
            Folders.deleteTree(scratch);
        }
    }

    /** As the other capture, into a private file at {@code out}. */
    public PackResult capture(List<String> command, String ready, Duration timeout, Path out)
            throws IOException, InterruptedException {
        return capture(command, ready, timeout, pid -> OutputFile.check(out, "-o", List.of(), true), PackOptions.DEFAULT);
    }

    /** The bundle for the process captured: its default name holds the pid, known only once it started. */
    public interface Target {
        OutputFile forPid(long pid) throws IOException;
    }

    /**
     * Starts {@code command}, waits for {@code ready} on its stdout, captures it (the program behind
     * a wrapper such as {@code sh -c}, see {@link Wrappers}), then ends it.
     */
    public PackResult capture(List<String> command, String ready, Duration timeout, Target out,
                              PackOptions options) throws IOException, InterruptedException {
        ReadyProcess p;
        try {
            p = ReadyProcess.start(command, null, ready, timeout);
        } catch (IOException e) {
            throw new CaptureException(CaptureException.Stage.START, e.getMessage(), e);
        }
        long pid = Wrappers.innermost(p.pid());
        try (p; OutputFile file = out.forPid(pid)) {
            return capture(pid, file, options);
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

package maze.output;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A file maze writes for the user (a bundle, a block listing, a JSON report). Checked when the
 * command starts ({@link #check}), so a bad name fails before any work; written into a private
 * temporary file beside the target (created exclusively: nothing there is ever replaced), forced
 * to disk and renamed over the target by {@link #commit}. {@link #close} without commit removes the
 * temporary file, and so does the shutdown hook of {@link TempPaths} on SIGINT/SIGTERM.
 */
public final class OutputFile implements AutoCloseable {
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> SHARED = PosixFilePermissions.fromString("rw-r--r--");

    private final Path given;
    private final String option;
    private final List<Path> inputs;
    private final boolean secret;
    private Path target;
    private Path temp;
    private FileChannel channel;

    private OutputFile(Path given, String option, List<Path> inputs, boolean secret) {
        this.given = given;
        this.option = option;
        this.inputs = new ArrayList<>(inputs);
        this.secret = secret;
    }

    /**
     * Refuses {@code path} unless it is a new name or a regular file (a link to one is followed)
     * in an existing folder, and none of {@code inputs} (files: the same file; folders: anything
     * inside). {@code secret}: the file is created 0600 whatever was there (a core's bytes).
     */
    public static OutputFile check(Path path, String option, List<Path> inputs, boolean secret) throws OutputException {
        OutputFile f = new OutputFile(path, option, inputs, secret);
        f.target = OutputChecks.target(path, option);
        OutputChecks.refuseInputs(f.target, path, option, f.inputs);
        return f;
    }

    /** The file the run wrote, once committed (links resolved). */
    public Path target() {
        return target;
    }

    /** One more input to keep clear of, known only once the run opened it (an extracted bundle). */
    public void alsoRefuse(Path input) throws OutputException {
        if (input == null) {
            return;
        }
        inputs.add(input);
        OutputChecks.refuseInputs(target, given, option, List.of(input));
    }

    /** Creates the temporary file; every write error names the target and the cause. */
    public OutputStream open() throws OutputException {
        String name = target.getFileName().toString();
        try {
            temp = Files.createTempFile(target.getParent(), "." + name.substring(0, Math.min(name.length(), 80)) + ".",
                    ".partial", PosixFilePermissions.asFileAttribute(PRIVATE));
            TempPaths.register(temp);
            channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw OutputException.failed(target, "creating a temporary file beside it", e);
        }
        return new Checked(Channels.newOutputStream(channel));
    }

    /** Forces the bytes to disk and renames the temporary file over the target, checked once more. */
    public void commit() throws OutputException {
        try {
            channel.force(true);
            channel.close();
            Set<PosixFilePermission> mode = secret ? PRIVATE
                    : Files.isRegularFile(target) ? Files.getPosixFilePermissions(target) : SHARED;
            Files.setPosixFilePermissions(temp, mode);
        } catch (IOException e) {
            throw OutputException.failed(target, "finishing it", e);
        }
        // the name may have changed hands while the run worked: refuse again rather than replace a device
        OutputChecks.refuseInputs(OutputChecks.target(given, option), given, option, inputs);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            TempPaths.release(temp);
            temp = null;
            syncFolder(target.getParent());
        } catch (IOException e) {
            throw OutputException.failed(target, "renaming the finished file into place", e);
        }
    }

    /** The rename itself is made durable by syncing the folder that holds the name. */
    private static void syncFolder(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a folder; the file's own bytes are already on disk
        }
    }

    @Override
    public void close() throws OutputException {
        try {
            if (channel != null) {
                channel.close();
            }
            if (temp != null) {
                Files.deleteIfExists(temp);
                TempPaths.release(temp);
                temp = null;
            }
        } catch (IOException e) {
            throw OutputException.failed(target, "removing its temporary file", e);
        }
    }

    /** Turns every write error into one naming the target. */
    private final class Checked extends FilterOutputStream {
        Checked(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw OutputException.failed(target, "writing", e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw OutputException.failed(target, "writing", e);
            }
        }

        /** Writers close their stream when done; the file is finished by commit or close. */
        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

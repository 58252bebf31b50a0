package maze.pack;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/** A tar.gz being written; every file streams through a sha256 on its way in (cores are many GB). */
final class TarSink implements AutoCloseable {
    private static final int BUFFER = 1 << 20;

    private final TarArchiveOutputStream tar;
    private final Map<String, BundleFile> written = new HashMap<>();

    TarSink(Path out) throws IOException {
        GzipParameters gz = new GzipParameters();
        // cores are mostly zeros and pages: the fastest level already shrinks them well
        gz.setCompressionLevel(Deflater.BEST_SPEED);
        // a core holds the process's secrets: the bundle is readable by its owner only
        Files.deleteIfExists(out);
        Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(out, StandardOpenOption.WRITE), BUFFER);
        tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(raw, gz));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX); // entries past 8 GiB
    }

    /** Streams {@code file} into {@code entry}; the size is taken before, so a growing file is refused. */
    BundleFile put(String entry, Path file) throws IOException {
        long size = Files.size(file);
        MessageDigest sha = Hashing.sha256();
        begin(entry, size);
        byte[] buf = new byte[BUFFER];
        long left = size;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; left -= n) {
                sha.update(buf, 0, n);
                tar.write(buf, 0, n);
            }
        }
        if (left != 0) {
            throw new IOException(file + " shrank while it was packed (" + left + " bytes short)");
        }
        tar.closeArchiveEntry();
        return new BundleFile(entry, size, Hashing.hex(sha.digest()));
    }

    /**
     * As {@link #put}, but an entry already written is not written again: two copies of one
     * library (one build-id) share their debug file, and a bundle must not hold a name twice.
     */
    BundleFile putOnce(String entry, Path file) throws IOException {
        BundleFile done = written.get(entry);
        if (done == null) {
            done = put(entry, file);
            written.put(entry, done);
        }
        return done;
    }

    void putBytes(String entry, byte[] bytes) throws IOException {
        begin(entry, bytes.length);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private void begin(String entry, long size) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(entry);
        e.setSize(size);
        e.setMode(0644);
        tar.putArchiveEntry(e);
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}

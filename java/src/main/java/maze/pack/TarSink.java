package maze.pack;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
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

    /** Writes into {@code out} (an {@link maze.output.OutputFile}'s stream: private, renamed when done). */
    TarSink(OutputStream out) throws IOException {
        GzipParameters gz = new GzipParameters();
        // cores are mostly zeros and pages: the fastest level already shrinks them well
        gz.setCompressionLevel(Deflater.BEST_SPEED);
        OutputStream raw = new BufferedOutputStream(out, BUFFER);
        tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(raw, gz));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX); // entries past 8 GiB
    }

    /** Streams {@code file} into {@code entry}; the size is taken before, so a growing file is refused. */
    BundleFile put(String entry, Path file) throws IOException {
        return put(entry, file, Files.size(file), Files.newInputStream(file));
    }

    /**
     * Streams a checked file, opened without following a link unless its check allowed one, and
     * refuses it when it is no longer the file that was checked (another inode, size or time).
     */
    BundleFile put(String entry, ModuleCheck.Verdict checked) throws IOException {
        Path file = checked.file();
        LinkOption[] how = checked.followsLinks() ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        InputStream in = checked.followsLinks() ? Files.newInputStream(file)
                : Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        BundleFile done = put(entry, file, checked.seen().size(), in);
        BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class, how);
        if (!java.util.Objects.equals(now.fileKey(), checked.seen().fileKey()) || now.size() != checked.seen().size()
                || !now.lastModifiedTime().equals(checked.seen().lastModifiedTime())) {
            throw new IOException(file + " changed while it was packed: it is no longer the file that was checked");
        }
        return done;
    }

    private BundleFile put(String entry, Path file, long size, InputStream opened) throws IOException {
        MessageDigest sha = Hashing.sha256();
        byte[] buf = new byte[BUFFER];
        long left = size;
        try (InputStream in = opened) {
            begin(entry, size);
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
    BundleFile putOnce(String entry, ModuleCheck.Verdict file) throws IOException {
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

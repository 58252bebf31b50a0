package maze.pack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * One streaming pass over a bundle into {@code root}: only plain files and folders, at checked
 * names, within the caps, each hashed as it is written. Trusts nothing; the manifest is compared
 * afterwards by {@link ManifestCheck}.
 */
final class TarExtraction {
    /** Deflate's own bound: no gzip stream expands more than about 1032 times (long runs of zeros). */
    static final long MAX_RATIO = 1032;

    private final Path bundle;
    private final Path root;
    private final BundleLimits limits;
    final Map<String, BundleFile> files = new LinkedHashMap<>();
    byte[] manifest;
    private long total;
    private long declared;
    private long bundleSize;
    private long maxTotal = -1;
    private int entries;

    TarExtraction(Path bundle, Path root, BundleLimits limits) {
        this.bundle = bundle;
        this.root = root;
        this.limits = limits;
    }

    void run() throws IOException {
        bundleSize = Files.size(bundle);
        String name = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(bundle), 1 << 20);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; name = null) {
                name = e.getName();
                entry(e, tar);
            }
        } catch (BundleException | java.nio.file.NoSuchFileException b) {
            throw b;
        } catch (IOException | RuntimeException broken) {
            throw new BundleException(bundle, name, "unreadable (truncated, corrupt or not a tar.gz?): "
                    + broken.getMessage(), broken);
        }
    }

    private void entry(TarArchiveEntry e, InputStream tar) throws IOException {
        String name = e.getName();
        if (++entries > limits.maxEntries()) {
            throw refuse(name, "more than " + limits.maxEntries() + " entries");
        }
        String typeProblem = typeRefusal(e);
        if (typeProblem != null) {
            throw refuse(name, typeProblem);
        }
        String nameProblem = EntryNames.refusal(name, e.isDirectory());
        if (nameProblem != null) {
            throw refuse(name, nameProblem);
        }
        if (e.isDirectory()) {
            Folders.create(root, name);
        } else if (name.equals(Manifest.ENTRY)) {
            manifest = readManifest(name, e, tar);
        } else {
            file(name, e, tar);
        }
    }

    /** Only plain files and folders: no links of any kind, devices, FIFOs or sparse files. */
    private static String typeRefusal(TarArchiveEntry e) {
        byte flag = e.getLinkFlag();
        if (e.isDirectory() || flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM) {
            return null;
        }
        if (e.isSymbolicLink() || e.isLink()) {
            return "a " + (e.isLink() ? "hard" : "symbolic") + " link (to '" + e.getLinkName() + "'): bundles hold no links";
        }
        if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            return "a device file or FIFO";
        }
        return "an entry of type '" + (char) flag + "': bundles hold plain files and folders only";
    }

    private void file(String name, TarArchiveEntry e, InputStream tar) throws IOException {
        boolean core = name.equals(BundleLayout.CORE);
        if (core != files.isEmpty()) {
            throw refuse(name, core ? "a second core" : "the first entry of a bundle must be its core");
        }
        long cap = core ? Long.MAX_VALUE : limits.maxEntryBytes();
        if (e.getSize() > cap) {
            throw refuse(name, "declares " + e.getSize() + " bytes, more than the cap of " + cap);
        }
        if (core) {
            startTotal(name, e.getSize());
        }
        declared += e.getSize();
        if (declared > bundleSize * MAX_RATIO + (1 << 20)) {
            throw refuse(name, "declares " + e.getSize() + " bytes, more than a bundle of " + bundleSize
                    + " bytes can hold (gzip expands at most " + MAX_RATIO + " times)");
        }
        if (files.containsKey(name)) {
            throw refuse(name, "appears twice");
        }
        files.put(name, write(name, tar, cap));
    }

    /** The core's declared size sets the total cap, and must fit on the disk before anything is written. */
    private void startTotal(String name, long coreSize) throws IOException {
        maxTotal = limits.maxTotal(coreSize);
        long free = Files.getFileStore(root).getUsableSpace();
        if (coreSize > free) {
            throw refuse(name, "declares " + coreSize + " bytes but only " + free + " are free in " + root.getParent()
                    + " (set MAZE_TMPDIR to a folder with room)");
        }
    }

    private BundleFile write(String name, InputStream in, long cap) throws IOException {
        Path target = Folders.fileIn(root, name);
        MessageDigest sha = Hashing.sha256();
        byte[] buf = new byte[SparseWriter.CHUNK];
        long size = 0;
        try (SparseWriter out = new SparseWriter(target)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                size += n;
                total += n;
                if (size > cap || total > maxTotal) {
                    throw refuse(name, size > cap ? "larger than the cap of " + cap + " bytes"
                            : "the bundle holds more than the cap of " + maxTotal + " bytes");
                }
                sha.update(buf, 0, n);
                out.write(buf, n);
            }
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        return new BundleFile(name, size, Hashing.hex(sha.digest()));
    }

    private byte[] readManifest(String name, TarArchiveEntry e, InputStream tar) throws IOException {
        if (manifest != null) {
            throw refuse(name, "appears twice");
        }
        if (e.getSize() > limits.maxManifestBytes()) {
            throw refuse(name, "declares " + e.getSize() + " bytes, more than the cap of " + limits.maxManifestBytes());
        }
        return tar.readNBytes(limits.maxManifestBytes());
    }

    private BundleException refuse(String entry, String problem) {
        return new BundleException(bundle, entry, problem);
    }
}

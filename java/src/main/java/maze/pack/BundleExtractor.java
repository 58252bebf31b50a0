package maze.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import maze.core.CoreOptions;

/**
 * A bundle extracted into a private temporary folder (0700), checked against its manifest, and
 * removed again on {@link #close}. Use:
 * <pre>
 * if (BundleExtractor.isBundle(input)) {
 *     try (BundleExtractor b = BundleExtractor.extract(input)) {
 *         CoreModel model = CoreReader.read(b.core(), b.coreOptions());
 *         // gdb: file b.exe(), set sysroot b.sysroot(), set debug-file-directory b.debugDir()
 *     }
 * }
 * </pre>
 * The sysroot holds every packed file at its real path and, hard-linked, at its link name.
 */
public final class BundleExtractor implements AutoCloseable {
    private final Path root;
    private final Manifest manifest;
    private final List<String> warnings;

    private BundleExtractor(Path root, Manifest manifest, List<String> warnings) {
        this.root = root;
        this.manifest = manifest;
        this.warnings = warnings;
    }

    /** True for a gzip file (bundles are told by their bytes, not their name). */
    public static boolean isBundle(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        } catch (java.nio.file.FileSystemException e) {
            throw e;
        } catch (IOException e) {
            // /proc/self/mem and the like: regular in name only, unreadable at offset 0
            throw new maze.core.CoreFormatException(file, "cannot be read (" + e.getMessage() + "): not a core file");
        }
    }

    /** Extracts under {@link #defaultParent()} with the default caps. */
    public static BundleExtractor extract(Path bundle) throws IOException {
        return extract(bundle, defaultParent(), BundleLimits.DEFAULT);
    }

    /** $MAZE_TMPDIR, else the system temp folder: /tmp is often a small tmpfs, and cores are large. */
    public static Path defaultParent() {
        String dir = System.getenv("MAZE_TMPDIR");
        return Path.of(dir != null && !dir.isBlank() ? dir : System.getProperty("java.io.tmpdir"));
    }

    /** Extracts into a new private folder under {@code parent}; on any error that folder is removed. */
    public static BundleExtractor extract(Path bundle, Path parent, BundleLimits limits) throws IOException {
        Path root = Folders.createPrivateTemp(parent.toAbsolutePath());
        try {
            TarExtraction run = new TarExtraction(bundle, root, limits);
            run.run();
            ManifestCheck check = new ManifestCheck(bundle);
            Manifest m = check.parse(run.manifest);
            check.verify(m, run.files);
            // present even when empty: gdb is pointed at them whatever the bundle holds
            Folders.create(root, BundleLayout.SYSROOT);
            Folders.create(root, BundleLayout.DEBUG);
            return new BundleExtractor(root, m, SysrootLinks.create(bundle, root, m));
        } catch (StackOverflowError | OutOfMemoryError e) {
            removeQuietly(root, e);
            throw new BundleException(bundle, null, "too deeply nested or too large to read (" + e + ")", e);
        } catch (IOException | RuntimeException | Error e) {
            removeQuietly(root, e);
            throw e;
        }
    }

    /** An error is what the user must see first; the extraction folder goes in any case. */
    private static void removeQuietly(Path root, Throwable e) {
        try {
            Folders.deleteTree(root);
        } catch (IOException | RuntimeException cleanup) {
            e.addSuppressed(cleanup);
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    public Path root() {
        return root;
    }

    public Path core() {
        return root.resolve(BundleLayout.CORE);
    }

    /** The executable at its real path in the sysroot (null if the bundle holds none). */
    public Path exe() {
        if (manifest.exe() == null || EntryNames.absolutePathRefusal(manifest.exe()) != null) {
            return null;
        }
        Path exe = Folders.inside(root, BundleLayout.sysrootEntry(manifest.exe()));
        return Files.isRegularFile(exe, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? exe : null;
    }

    /** For gdb's {@code set sysroot} and maze's {@link CoreOptions#sysroot()}. */
    public Path sysroot() {
        return root.resolve(BundleLayout.SYSROOT);
    }

    /** For gdb's {@code set debug-file-directory}: holds {@code .build-id/xx/rest.debug}. */
    public Path debugDir() {
        return root.resolve(BundleLayout.DEBUG);
    }

    /** Read the core against the bundle's files only. */
    public CoreOptions coreOptions() {
        return new CoreOptions(exe(), sysroot());
    }

    /** What the packer and the extraction found wrong (also printed by maze analyze). */
    public List<String> warnings() {
        List<String> all = new java.util.ArrayList<>(manifest.warnings() == null ? List.of() : manifest.warnings());
        all.addAll(warnings);
        return all;
    }

    @Override
    public void close() throws IOException {
        Folders.deleteTree(root);
    }
}

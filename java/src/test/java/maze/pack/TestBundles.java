package maze.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Hand-made bundles, honest or hostile, written entry by entry. */
final class TestBundles {
    static final String EXE = "/usr/bin/demo";
    static final String LIB = "/usr/lib/x86_64-linux-gnu/libdemo.so.1";
    static final String LIB_LINK = "/lib/x86_64-linux-gnu/libdemo.so.1";

    record Item(TarArchiveEntry entry, byte[] data) {
    }

    private TestBundles() {
    }

    static Item file(String name, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name, true); // preserve a leading '/' or '..'
        e.setSize(data.length);
        return new Item(e, data);
    }

    static Item special(String name, byte flag, String linkTarget) {
        TarArchiveEntry e = new TarArchiveEntry(name, flag, true);
        if (linkTarget != null) {
            e.setLinkName(linkTarget);
        }
        return new Item(e, new byte[0]);
    }

    static Item symlink(String name, String target) {
        return special(name, TarConstants.LF_SYMLINK, target);
    }

    /** The files of an honest bundle: core, exe, one library (with a link name), one debug file. */
    static List<Item> honestFiles() {
        return new ArrayList<>(List.of(file("core", "CORE BYTES"), file("sysroot" + EXE, "EXE"),
                file("sysroot" + LIB, "LIB"), file(BundleLayout.buildIdDebugEntry("abcdef01"), "DEBUG")));
    }

    static Manifest manifestFor(List<Item> files) {
        BundleFile core = describe(files, "core");
        ManifestModule exe = new ManifestModule(EXE, EXE, 0x5555_0000_0000L, "1234", "1234", true,
                describe(files, "sysroot" + EXE), null, null);
        ManifestModule lib = new ManifestModule(LIB, LIB_LINK, 0x7f00_0000_0000L, "abcdef01", "abcdef01", false,
                describe(files, "sysroot" + LIB), describe(files, BundleLayout.buildIdDebugEntry("abcdef01")), null);
        return new Manifest(Manifest.FORMAT, "test", "2026-01-01T00:00:00Z", "testhost", 42, "demo --x", EXE,
                core, List.of(exe, lib), List.of());
    }

    static BundleFile describe(List<Item> files, String name) {
        for (Item i : files) {
            if (i.entry().getName().equals(name)) {
                return new BundleFile(name, i.data().length, Hashing.hex(Hashing.sha256().digest(i.data())));
            }
        }
        throw new IllegalArgumentException("no item " + name);
    }

    static Item manifestItem(Manifest m) throws IOException {
        return file(Manifest.ENTRY, BundleWriter.JSON.writeValueAsString(m));
    }

    /** An honest bundle, after which {@code extra} items are inserted before the manifest. */
    static Path honest(Path out, Item... extra) throws IOException {
        List<Item> files = honestFiles();
        Manifest m = manifestFor(files);
        files.addAll(List.of(extra));
        files.add(manifestItem(m));
        return write(out, files);
    }

    static Path write(Path out, List<Item> items) throws IOException {
        try (OutputStream raw = Files.newOutputStream(out);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(raw))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Item i : items) {
                tar.putArchiveEntry(i.entry());
                tar.write(i.data());
                tar.closeArchiveEntry();
            }
        }
        return out;
    }
}

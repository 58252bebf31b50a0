package maze.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import maze.pack.TestBundles.Item;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or broken bundles are refused with an error naming the bundle, the entry and the
 * problem, and leave nothing behind: the parent of the private folder is as empty as before, and
 * nothing appears where an escaping name pointed.
 */
class HostileBundleTest {
    @TempDir
    Path tmp;
    Path parent;
    Path bundle;

    @BeforeEach
    void folders() throws IOException {
        parent = Files.createDirectories(tmp.resolve("a/b/parent"));
        bundle = tmp.resolve("bundle.tar.gz");
    }

    @Test
    void traversalName() throws IOException {
        TestBundles.honest(bundle, TestBundles.file("sysroot/../../../evil", "x"));
        refused("sysroot/../../../evil", "'..'");
        assertFalse(Files.exists(tmp.resolve("a/evil")));
    }

    @Test
    void absoluteName() throws IOException {
        Path target = tmp.resolve("abs-evil");
        TestBundles.honest(bundle, TestBundles.file(target.toString(), "x"));
        refused(target.toString(), "absolute");
        assertFalse(Files.exists(target));
    }

    @Test
    void symlinkEscape() throws IOException {
        TestBundles.honest(bundle, TestBundles.symlink("sysroot/usr/lib/esc", "../../../../.."),
                TestBundles.file("sysroot/usr/lib/esc/evil", "x"));
        refused("sysroot/usr/lib/esc", "symbolic link");
    }

    @Test
    void hardlink() throws IOException {
        TestBundles.honest(bundle, TestBundles.special("sysroot/usr/lib/hard", TarConstants.LF_LINK, "/etc/passwd"));
        refused("sysroot/usr/lib/hard", "hard link");
    }

    @Test
    void deviceAndFifo() throws IOException {
        TestBundles.honest(bundle, TestBundles.special("sysroot/dev/mem", TarConstants.LF_CHR, null));
        refused("sysroot/dev/mem", "device");
        TestBundles.honest(bundle, TestBundles.special("sysroot/fifo", TarConstants.LF_FIFO, null));
        refused("sysroot/fifo", "FIFO");
    }

    @Test
    void manifestLyingAboutSha256() throws IOException {
        List<Item> files = TestBundles.honestFiles();
        Manifest honest = TestBundles.manifestFor(files);
        BundleFile lie = new BundleFile("core", honest.core().size(), "00".repeat(32));
        Manifest m = new Manifest(honest.format(), honest.mazeVersion(), honest.packedAt(), honest.host(), honest.pid(),
                honest.commandLine(), honest.exe(), lie, honest.modules(), honest.warnings());
        files.add(TestBundles.manifestItem(m));
        TestBundles.write(bundle, files);
        refused("core", "sha256");
    }

    @Test
    void entryTheManifestDoesNotList() throws IOException {
        TestBundles.honest(bundle, TestBundles.file("debug/extra", "x"));
        refused("debug/extra", "not in the manifest");
    }

    @Test
    void linkNameThatClimbsOut() throws IOException {
        withLibLinkName("/lib/../../../../evil");
        refused("manifest.json", "link name");
        assertFalse(Files.exists(tmp.resolve("evil")));
    }

    @Test
    void linkNameBelowAFile() throws IOException {
        withLibLinkName(TestBundles.EXE + "/libdemo.so.1");
        refused("manifest.json", "link name");
    }

    @Test
    void linkNameOfAnRpathWithDotDotIsLinkedAtItsNormalizedPath() throws IOException {
        // $ORIGIN/../lib: the dynamic linker keeps the '..' (and a '//') in the name it records
        withLibLinkName("/usr/bin/../lib//rpath/libdemo.so.1");
        try (BundleExtractor b = BundleExtractor.extract(bundle, parent, BundleLimits.DEFAULT)) {
            Path linked = b.sysroot().resolve("usr/lib/rpath/libdemo.so.1");
            assertTrue(Files.isSameFile(linked, b.sysroot().resolve(TestBundles.LIB.substring(1))));
        }
    }

    /** An honest bundle whose manifest gives the library another link name. */
    private void withLibLinkName(String linkName) throws IOException {
        List<Item> files = TestBundles.honestFiles();
        Manifest h = TestBundles.manifestFor(files);
        ManifestModule lib = h.modules().get(1);
        ManifestModule evil = new ManifestModule(lib.path(), linkName, lib.loadBias(), lib.buildId(),
                lib.fileBuildId(), false, lib.file(), lib.debug(), null);
        files.add(TestBundles.manifestItem(new Manifest(h.format(), h.mazeVersion(), h.packedAt(), h.host(), h.pid(),
                h.commandLine(), h.exe(), h.core(), List.of(h.modules().get(0), evil), h.warnings())));
        TestBundles.write(bundle, files);
    }

    @Test
    void truncatedGzip() throws IOException {
        TestBundles.honest(bundle);
        byte[] all = Files.readAllBytes(bundle);
        Files.write(bundle, Arrays.copyOf(all, all.length / 2));
        refused(null, "truncated");
    }

    @Test
    void coreOnlyBundleStillHasItsFolders() throws IOException {
        List<Item> files = List.of(TestBundles.file("core", "CORE"));
        BundleFile core = TestBundles.describe(files, "core");
        Manifest m = new Manifest(Manifest.FORMAT, "t", "2026-01-01T00:00:00Z", "h", 1, "x", null, core, List.of(), null);
        TestBundles.write(bundle, List.of(files.get(0), TestBundles.manifestItem(m)));
        try (BundleExtractor b = BundleExtractor.extract(bundle, parent, BundleLimits.DEFAULT)) {
            assertTrue(Files.isDirectory(b.sysroot()) && Files.isDirectory(b.debugDir()));
            assertEquals(null, b.exe());
        }
    }

    @Test
    void tarCutAfterTheCore() throws IOException {
        TestBundles.write(bundle, List.of(TestBundles.file("core", "CORE")));
        refused("manifest.json", "missing");
    }

    @Test
    void entryLargerThanTheCap() throws IOException {
        TestBundles.honest(bundle, TestBundles.file("debug/big", "x".repeat(5000)));
        refusedWith(new BundleLimits(4096, 1 << 20, 100, 1 << 20), "debug/big", "cap");
    }

    @Test
    void coreDeclaringMoreThanTheDiskHolds() throws IOException {
        TarArchiveEntry e = new TarArchiveEntry("core");
        e.setSize(1L << 50);
        byte[] header = new byte[512];
        e.writeEntryHeader(header, ZipEncodingHelper.getZipEncoding("UTF-8"), true); // star mode: sizes past 8 GiB
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(bundle))) {
            out.write(header);
            out.write(new byte[4096]);
        }
        refused("core", "are free in");
    }

    @Test
    void moreThanTheTotalCap() throws IOException {
        TestBundles.honest(bundle, TestBundles.file("debug/big", "x".repeat(3000)));
        refusedWith(new BundleLimits(4096, 2048, 100, 1 << 20), "debug/big", "cap");
    }

    @Test
    void notABundleAtAll() throws IOException {
        Files.writeString(bundle, "plain text");
        refused(null, "unreadable");
    }

    @Test
    void aNameNested50000LevelsIsOneLine() throws IOException {
        String deep = "sysroot/" + "d/".repeat(50_000) + "f";
        writeLongName(deep);
        BundleException e = assertThrows(BundleException.class, () -> BundleExtractor.extract(bundle, parent, BundleLimits.DEFAULT));
        assertTrue(e.getMessage().contains("name longer than 4096"), e.getMessage());
        assertTrue(e.getMessage().length() < 500, "one readable line, the name cut short");
        assertEquals(List.of(), uncheckedList(parent), "nothing left in the parent folder");
    }

    @Test
    void aNameDeeperThanTheCapIsRefused() throws IOException {
        TestBundles.honest(bundle, TestBundles.file("sysroot/" + "d/".repeat(200) + "f", "x"));
        refused(null, "nested deeper than 128 folders");
    }

    @Test
    void aComponentLongerThanNameMaxIsRefused() throws IOException {
        TestBundles.honest(bundle, TestBundles.file("sysroot/" + "n".repeat(300), "x"));
        refused(null, "component longer than 255");
    }

    @Test
    void aNullModuleIsRefused() throws IOException {
        manifestWith("modules", "[null]");
        refused(Manifest.ENTRY, "module 0 is null");
    }

    @Test
    void aModuleWithoutPathOrWithABadHashIsRefused() throws IOException {
        manifestWith("modules", "[{\"loadBias\":0,\"executable\":false}]");
        refused(Manifest.ENTRY, "module 0 has no path");
        manifestWith("modules", "[{\"path\":\"/x\",\"loadBias\":0,\"executable\":false,"
                + "\"file\":{\"entry\":\"sysroot/x\",\"size\":1,\"sha256\":null}}]");
        refused(Manifest.ENTRY, "sha256");
        manifestWith("warnings", "[null]");
        refused(Manifest.ENTRY, "warnings hold a null");
    }

    @Test
    void aSizeBeyondWhatGzipCanExpandToIsRefusedBeforeWriting() throws IOException {
        TarArchiveEntry e = new TarArchiveEntry("core");
        e.setSize(64L << 20);
        byte[] header = new byte[512];
        e.writeEntryHeader(header, ZipEncodingHelper.getZipEncoding("UTF-8"), true);
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(bundle))) {
            out.write(header);
            out.write(new byte[4096]);
        }
        refused("core", "gzip expands at most 1032 times");
    }

    /**
     * A GNU long-name record, then the entry, written by hand: commons-compress takes many seconds
     * to write a name of 100,000 characters (reading it is quick).
     */
    private void writeLongName(String name) throws IOException {
        byte[] bytes = (name + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        TarArchiveEntry longLink = new TarArchiveEntry("././@LongLink", TarConstants.LF_GNUTYPE_LONGNAME);
        longLink.setSize(bytes.length);
        TarArchiveEntry file = new TarArchiveEntry("sysroot/f");
        file.setSize(1);
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(bundle))) {
            byte[] header = new byte[512];
            longLink.writeEntryHeader(header);
            out.write(header);
            out.write(Arrays.copyOf(bytes, (bytes.length + 511) / 512 * 512));
            file.writeEntryHeader(header);
            out.write(header);
            out.write(new byte[512]);
            out.write(new byte[1024]);
        }
    }

    /** A bundle of a core and a manifest whose field {@code key} is the JSON {@code value}. */
    private void manifestWith(String key, String value) throws IOException {
        List<Item> files = new java.util.ArrayList<>(List.of(TestBundles.file("core", "CORE BYTES")));
        com.fasterxml.jackson.databind.node.ObjectNode json = BundleWriter.JSON.valueToTree(new Manifest(Manifest.FORMAT,
                "t", "2026-01-01T00:00:00Z", "h", 1, "x", "/x", TestBundles.describe(files, "core"), List.of(), List.of()));
        json.set(key, BundleWriter.JSON.readTree(value));
        files.add(TestBundles.file(Manifest.ENTRY, BundleWriter.JSON.writeValueAsString(json)));
        TestBundles.write(bundle, files);
    }

    private void refused(String entry, String problem) {
        refusedWith(BundleLimits.DEFAULT, entry, problem);
    }

    private void refusedWith(BundleLimits limits, String entry, String problem) {
        BundleException e = assertThrows(BundleException.class, () -> BundleExtractor.extract(bundle, parent, limits));
        String msg = e.getMessage();
        assertTrue(msg.startsWith(bundle.toString()), msg);
        if (entry != null) {
            assertTrue(msg.contains("entry '" + entry + "'"), msg);
        }
        assertTrue(msg.contains(problem), msg);
        assertEquals(List.of(), uncheckedList(parent), "nothing left in the parent folder");
        assertEquals(List.of(parent), uncheckedList(parent.getParent()), "nothing written beside it");
    }

    private static List<Path> uncheckedList(Path dir) {
        try {
            return BundleExtractorTest.list(dir);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

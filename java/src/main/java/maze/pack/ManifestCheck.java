package maze.pack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a bundle's manifest with what was really extracted: every file it lists is there with
 * its size and sha256, nothing is there that it does not list, and every path in it is sane.
 * A manifest that lies is refused.
 */
final class ManifestCheck {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Path bundle;

    ManifestCheck(Path bundle) {
        this.bundle = bundle;
    }

    Manifest parse(byte[] bytes) throws BundleException {
        if (bytes == null) {
            throw new BundleException(bundle, Manifest.ENTRY, "missing (not a maze bundle, or cut short)");
        }
        Manifest m;
        try {
            m = JSON.readValue(bytes, Manifest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // the original message is one line; the full one adds a source location on another
            throw new BundleException(bundle, Manifest.ENTRY, "not a valid manifest: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BundleException(bundle, Manifest.ENTRY, "not a valid manifest: " + e.getMessage(), e);
        }
        if (m == null) {
            throw new BundleException(bundle, Manifest.ENTRY, "not a valid manifest: empty");
        }
        if (m.format() != Manifest.FORMAT) {
            throw new BundleException(bundle, Manifest.ENTRY, "format " + m.format() + " is not " + Manifest.FORMAT
                    + " (packed by maze " + m.mazeVersion() + ")");
        }
        String problem = ManifestFields.problem(m);
        if (problem != null) {
            throw new BundleException(bundle, Manifest.ENTRY, "not a valid manifest: " + problem);
        }
        return m;
    }

    /** Throws unless {@code m} and {@code extracted} agree exactly. */
    void verify(Manifest m, Map<String, BundleFile> extracted) throws BundleException {
        Map<String, BundleFile> listed = new HashMap<>();
        for (BundleFile f : listedFiles(m)) {
            BundleFile before = listed.put(f.entry(), f);
            if (before != null && !before.equals(f)) {
                throw new BundleException(bundle, f.entry(), "listed twice in the manifest, with different contents");
            }
            compare(f, extracted.get(f.entry()));
        }
        for (String name : extracted.keySet()) {
            if (!listed.containsKey(name)) {
                throw new BundleException(bundle, name, "not in the manifest");
            }
        }
        // only a packed module's names become paths (the vdso, for one, has a name but no file)
        for (ManifestModule mod : m.modules()) {
            if (mod.file() == null) {
                continue;
            }
            checkPath(mod.path(), "path", EntryNames.absolutePathRefusal(mod.path()));
            if (mod.linkName() != null && mod.linkName().startsWith("/")) {
                checkPath(mod.linkName(), "link name", EntryNames.linkNameRefusal(mod.linkName()));
            }
        }
    }

    private List<BundleFile> listedFiles(Manifest m) throws BundleException {
        if (m.core() == null || !BundleLayout.CORE.equals(m.core().entry()) || m.modules() == null) {
            throw new BundleException(bundle, Manifest.ENTRY, "names no core or no modules");
        }
        List<BundleFile> all = new ArrayList<>(List.of(m.core()));
        for (ManifestModule mod : m.modules()) {
            expectEntry(mod.file(), mod.path() == null ? null : BundleLayout.SYSROOT + mod.path(), mod);
            expectEntry(mod.debug(), BundleLayout.DEBUG + "/", mod);
            all.add(mod.file());
            all.add(mod.debug());
        }
        all.removeIf(Objects::isNull);
        return all;
    }

    /** A module's file must sit at its real path in the sysroot, its debug file under debug/. */
    private void expectEntry(BundleFile f, String prefix, ManifestModule mod) throws BundleException {
        if (f != null && (prefix == null || f.entry() == null || !f.entry().startsWith(prefix)
                || (prefix.startsWith(BundleLayout.SYSROOT) && !f.entry().equals(prefix)))) {
            throw new BundleException(bundle, f.entry(), "does not belong to module " + mod.path());
        }
    }

    private void compare(BundleFile listed, BundleFile real) throws BundleException {
        if (real == null) {
            throw new BundleException(bundle, listed.entry(), "listed in the manifest but not in the bundle");
        }
        if (real.size() != listed.size() || !real.sha256().equals(listed.sha256())) {
            throw new BundleException(bundle, listed.entry(), "the manifest says " + listed.size() + " bytes sha256 "
                    + listed.sha256() + " but it has " + real.size() + " bytes sha256 " + real.sha256());
        }
    }

    private void checkPath(String path, String what, String problem) throws BundleException {
        if (problem != null) {
            throw new BundleException(bundle, Manifest.ENTRY, "module " + what + " '" + path + "': " + problem);
        }
    }
}

package maze.pack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import maze.core.Module;

/** Packs one module's file and debug file when they are proven (or the user asked for unverified ones too). */
final class ModulePacking {
    private final CoreAccess access;
    private final TarSink tar;
    private final PackOptions options;
    private final List<String> warnings;

    ModulePacking(CoreAccess access, TarSink tar, PackOptions options, List<String> warnings) {
        this.access = access;
        this.tar = tar;
        this.options = options;
        this.warnings = warnings;
    }

    ManifestModule pack(Module m) throws IOException {
        String path = ModuleCheck.entryPath(m);
        if (m.path() == null || !m.path().startsWith("/")) {
            // linux-vdso.so.1 and the like: no file anywhere, the core holds their pages
            return new ManifestModule(m.path(), m.linkName(), m.loadBias(), m.buildId(), m.fileBuildId(),
                    m.executable(), null, null, null);
        }
        ModuleCheck.Verdict v = ModuleCheck.module(m, m.executable() && options.exe() != null);
        BundleFile file = null;
        BundleFile debug = null;
        String warning = null;
        if (path != null && admit(v)) {
            file = tar.put(BundleLayout.sysrootEntry(path), v);
            debug = packDebug(m, path);
        }
        if (!v.proven()) {
            warning = (file != null ? "PACKED UNVERIFIED (--include-unverified): " : "NOT PACKED: ") + m.path() + ": "
                    + v.problem();
            warnings.add(warning);
        }
        return new ManifestModule(path != null ? path : m.path(), m.linkName(), m.loadBias(), m.buildId(),
                m.fileBuildId(), m.executable(), file, debug, warning);
    }

    /** A proven file always; an unproven one (that is at least a readable file) only when asked. */
    private boolean admit(ModuleCheck.Verdict v) {
        return v.proven() || (options.includeUnverified() && v.seen() != null);
    }

    private BundleFile packDebug(Module m, String path) throws IOException {
        Path found = access.debugFile(m);
        if (found == null) {
            return null;
        }
        ModuleCheck.Verdict v = ModuleCheck.debug(found, m);
        String id = m.fileBuildId() != null ? m.fileBuildId() : m.buildId();
        if (!admit(v)) {
            warnings.add("NOT PACKED: debug file " + found + " of " + m.path() + ": " + v.problem());
            return null;
        }
        if (!v.proven()) {
            warnings.add("PACKED UNVERIFIED (--include-unverified): debug file " + found + ": " + v.problem());
        }
        String entry = id != null ? BundleLayout.buildIdDebugEntry(id)
                : BundleLayout.debugLinkEntry(path, found.getFileName().toString());
        return tar.putOnce(entry, v);
    }
}

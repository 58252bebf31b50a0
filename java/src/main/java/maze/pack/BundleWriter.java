package maze.pack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import maze.core.CoreModel;
import maze.core.Module;

/**
 * Writes a bundle: the core, the executable, every mapped library, their separate debug files
 * where this host has them, and {@code manifest.json} last. Written beside the target under a
 * temporary name and renamed at the end, so a failed pack leaves no half bundle behind.
 */
public final class BundleWriter {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CoreAccess access;
    private final String mazeVersion;
    private final String host;

    public BundleWriter(CoreAccess access, String mazeVersion, String host) {
        this.access = access;
        this.mazeVersion = mazeVersion;
        this.host = host;
    }

    /** Packs {@code model} (read from its core by {@link CoreAccess#read}) into {@code out}. */
    public Manifest write(CoreModel model, Path out) throws IOException {
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try {
            Manifest m;
            try (TarSink tar = new TarSink(partial)) {
                m = writeEntries(model, tar);
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return m;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private Manifest writeEntries(CoreModel model, TarSink tar) throws IOException {
        BundleFile core = tar.put(BundleLayout.CORE, model.file());
        List<String> warnings = new ArrayList<>(model.warnings());
        List<ManifestModule> modules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Module m : model.modules()) {
            if (seen.add(m.path())) {
                modules.add(packModule(m, tar, warnings));
            }
        }
        Manifest manifest = new Manifest(Manifest.FORMAT, mazeVersion, Instant.now().toString(), host,
                model.pid(), model.psargs(), exePath(model), core, modules, warnings);
        tar.putBytes(Manifest.ENTRY, JSON.writeValueAsBytes(manifest));
        return manifest;
    }

    private ManifestModule packModule(Module m, TarSink tar, List<String> warnings) throws IOException {
        String warning = ModuleCheck.problem(m);
        BundleFile file = null;
        BundleFile debug = null;
        if (ModuleCheck.packable(m)) {
            file = tar.put(BundleLayout.sysrootEntry(m.path()), m.localFile());
            debug = packDebug(m, tar);
        }
        if (warning != null) {
            warnings.add(warning);
        }
        return new ManifestModule(m.path(), m.linkName(), m.loadBias(), m.buildId(), m.fileBuildId(),
                m.executable(), file, debug, warning);
    }

    private BundleFile packDebug(Module m, TarSink tar) throws IOException {
        Path debug = access.debugFile(m);
        if (debug == null) {
            return null;
        }
        String id = m.fileBuildId() != null ? m.fileBuildId() : m.buildId();
        String entry = id != null ? BundleLayout.buildIdDebugEntry(id)
                : BundleLayout.debugLinkEntry(m.path(), debug.getFileName().toString());
        return tar.putOnce(entry, debug);
    }

    private static String exePath(CoreModel model) {
        Module exe = model.executable();
        return exe != null ? exe.path() : model.exePath();
    }
}

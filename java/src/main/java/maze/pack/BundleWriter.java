package maze.pack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import maze.core.CoreModel;
import maze.core.Module;
import maze.output.OutputFile;

/**
 * Writes a bundle: the core, the executable, every mapped library, their separate debug files
 * where this host has them, and {@code manifest.json} last. Written through {@link OutputFile}
 * (a private temporary file renamed at the end), so a failed pack leaves no half bundle behind.
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

    /** As the other write, into a private file at {@code out}, packing proven files only. */
    public Manifest write(CoreModel model, java.nio.file.Path out) throws IOException {
        try (OutputFile file = OutputFile.check(out, "-o", List.of(model.file()), true)) {
            return write(model, file, PackOptions.DEFAULT);
        }
    }

    /**
     * Packs {@code model} (read from its core by {@link CoreAccess#read}) into {@code out}, which
     * must be none of the files it packs. {@code options} say which files the user vouched for.
     */
    public Manifest write(CoreModel model, OutputFile out, PackOptions options) throws IOException {
        out.alsoRefuse(model.file());
        for (Module m : model.modules()) {
            out.alsoRefuse(m.localFile());
        }
        Manifest m;
        try (TarSink tar = new TarSink(out.open())) {
            m = writeEntries(model, tar, options);
        }
        out.commit();
        return m;
    }

    private Manifest writeEntries(CoreModel model, TarSink tar, PackOptions options) throws IOException {
        BundleFile core = tar.put(BundleLayout.CORE, model.file());
        List<String> warnings = new ArrayList<>(model.warnings());
        List<ManifestModule> modules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Module m : model.modules()) {
            if (seen.add(m.path())) {
                modules.add(new ModulePacking(access, tar, options, warnings).pack(m));
            }
        }
        Manifest manifest = new Manifest(Manifest.FORMAT, mazeVersion, Instant.now().toString(), host,
                model.pid(), model.psargs(), exePath(model), core, modules, warnings);
        tar.putBytes(Manifest.ENTRY, JSON.writeValueAsBytes(manifest));
        return manifest;
    }

    private static String exePath(CoreModel model) {
        Module exe = model.executable();
        return exe != null ? exe.path() : model.exePath();
    }
}

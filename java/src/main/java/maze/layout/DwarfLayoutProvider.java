package maze.layout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import maze.core.CoreFormatException;
import maze.core.DebugFiles;
import maze.core.ElfFile;
import maze.core.Module;
import maze.gdb.GdbOptions;

/**
 * Layouts from DWARF, read through gdb, remembered on disk by build-id. A request the cache
 * fully answers starts no gdb; otherwise one gdb session asks for just the names the cache lacks,
 * in one command of gdb-scripts/maze.py (or one ptype per struct when gdb has no Python).
 *
 * <pre>
 * LayoutProvider layouts = new DwarfLayoutProvider(
 *         GdbOptions.defaults().withDebugFileDirectories(List.of(dir)), LayoutCache.standard());
 * LayoutSource libc = layouts.forModule(module, request);
 * </pre>
 *
 * Files without a build-id are cached under their path, size and modification time.
 * A module without DWARF is cached too (its ELF symbols), and asked again only once a debug file
 * for it has appeared (its debug package was installed later).
 */
public final class DwarfLayoutProvider implements LayoutProvider {
    /** 8 bytes: linkers write 20 (sha1) or 16 (md5/uuid); anything shorter was set by hand. */
    private static final int MIN_BUILD_ID_HEX = 16;
    private final GdbOptions gdb;
    private final LayoutCache cache;
    private final FetchRoute route;

    public DwarfLayoutProvider(GdbOptions gdb, LayoutCache cache) {
        this(gdb, cache, FetchRoute.STANDARD);
    }

    /** With a chosen route to gdb (tests and the benchmark compare the two). */
    DwarfLayoutProvider(GdbOptions gdb, LayoutCache cache, FetchRoute route) {
        this.gdb = gdb;
        this.cache = cache;
        this.route = route;
    }

    /** gdb from the PATH with its default debug directories, and the standard cache. */
    public static DwarfLayoutProvider standard() {
        return new DwarfLayoutProvider(GdbOptions.defaults(), LayoutCache.standard());
    }

    /** The module's local file must be the very build the process ran (same build-id). */
    @Override
    public LayoutSource forModule(Module module, LayoutRequest request) {
        if (module.localFile() == null) {
            throw new LayoutException("no local copy of " + module.path() + " to read its layouts from");
        }
        if (!module.fileMatches()) {
            throw new LayoutException(module.localFile() + " has build-id " + module.fileBuildId()
                    + " but the process ran build-id " + module.buildId() + ": its layouts may differ");
        }
        return forFile(module.localFile(), request);
    }

    /** Layouts of a library or executable file on this host (no core needed). */
    public ModuleLayouts forFile(Path file, LayoutRequest request) {
        String buildId;
        String debugLink;
        try (ElfFile elf = ElfFile.open(file)) {
            buildId = elf.buildId();
            debugLink = elf.debugLink();
        } catch (CoreFormatException e) {
            throw new LayoutException("cannot read " + file + ": " + e.getMessage(), e);
        }
        // a build-id too short to tell builds apart (hand-set ones) must not share a cache entry
        String key = buildId != null && buildId.length() >= MIN_BUILD_ID_HEX ? buildId : fileKey(file);
        ModuleLayouts cached = cache.read(key);
        if (cached != null && !cached.hasDebugInfo() && debugInfoAppeared(file, buildId, debugLink)) {
            cached = null;
        }
        LayoutRequest todo = cached == null ? request : cached.unanswered(request);
        if (cached != null && !cached.hasDebugInfo()) {
            // without DWARF no struct will ever be answered: only new symbol names are worth a gdb
            todo = new LayoutRequest(List.of(), todo.symbols(), todo.tlsVariables());
        }
        if (cached != null && ModuleLayouts.isEmpty(todo)) {
            return cached;
        }
        ModuleLayouts fetched = GdbLayoutFetcher.fetch(gdb, file, buildId, debugLink, todo, route);
        ModuleLayouts result = cached != null ? cached : fetched;
        if (cached != null) {
            cached.merge(fetched);
        }
        cache.write(key, result);
        return result;
    }

    /** A file cached as having no DWARF has some now: its own .debug_info or a separate debug file. */
    private boolean debugInfoAppeared(Path file, String buildId, String debugLink) {
        try (ElfFile elf = ElfFile.open(file)) {
            if (elf.section(".debug_info") != null) {
                return true;
            }
        } catch (CoreFormatException e) {
            return true; // let the fetch say what is wrong with the file
        }
        List<Path> dirs = gdb.debugFileDirectories().isEmpty() ? List.of(DebugFiles.DEFAULT_DIR) : gdb.debugFileDirectories();
        return new DebugFiles(dirs).find(file, buildId, debugLink) != null;
    }

    /** The cache key of a file with no build-id: its real path, size and modification time. */
    static String fileKey(Path file) {
        try {
            Path real = file.toRealPath();
            String id = real + "\0" + Files.size(real) + "\0" + Files.getLastModifiedTime(real).toMillis();
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "nobuildid-" + HexFormat.of().formatHex(h, 0, 16);
        } catch (IOException e) {
            throw new LayoutException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

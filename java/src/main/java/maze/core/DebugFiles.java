package maze.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a module's separate debug file the way gdb does: first by build-id under each debug
 * directory ({@code DIR/.build-id/xx/rest.debug}), then by .gnu_debuglink next to the file, in its
 * {@code .debug/} folder, and under {@code DIR} + the file's folder. A debuglink candidate whose
 * build-id differs from the module's is skipped (it belongs to another build).
 */
public final class DebugFiles {
    public static final Path DEFAULT_DIR = Path.of("/usr/lib/debug");

    private final List<Path> debugDirs;

    /** Searches {@code debugDirs} in order ({@code [/usr/lib/debug]} for gdb's default). */
    public DebugFiles(List<Path> debugDirs) {
        this.debugDirs = List.copyOf(debugDirs);
    }

    public static DebugFiles standard() {
        return new DebugFiles(List.of(DEFAULT_DIR));
    }

    /**
     * The directories an analysis searches: the ones given (a bundle's, --debug-file-directory),
     * then /usr/lib/debug, then the sysroot's /usr/lib/debug when there is a sysroot. A build-id
     * match makes a file from any of them safe to use.
     */
    public static DebugFiles forAnalysis(List<Path> given, Path sysroot) {
        java.util.LinkedHashSet<Path> dirs = new java.util.LinkedHashSet<>(given);
        dirs.add(DEFAULT_DIR);
        if (sysroot != null) {
            dirs.add(Path.of(sysroot.toString(), DEFAULT_DIR.toString()));
        }
        return new DebugFiles(new ArrayList<>(dirs));
    }

    /** The directories searched, in order. */
    public List<Path> dirs() {
        return debugDirs;
    }

    /** The debug file for {@code module} (read for its build-id and debuglink), or null. */
    public Path find(Path module) {
        try (ElfFile elf = ElfFile.open(module)) {
            return find(module, elf.buildId(), elf.debugLink());
        }
    }

    /** The debug file for a module with the given build-id and debuglink (either may be null), or null. */
    public Path find(Path module, String buildId, String debugLink) {
        for (Path candidate : candidates(module, buildId, debugLink)) {
            if (Files.isRegularFile(candidate) && !isSelf(candidate, module) && sameBuild(candidate, buildId)) {
                return candidate;
            }
        }
        return null;
    }

    /** Every place {@link #find} looks, in order: for error messages ("looked in ..."). */
    public List<Path> candidates(Path module, String buildId, String debugLink) {
        List<Path> list = new ArrayList<>();
        if (buildId != null && buildId.length() > 2) {
            for (Path dir : debugDirs) {
                list.add(dir.resolve(".build-id").resolve(buildId.substring(0, 2))
                        .resolve(buildId.substring(2) + ".debug"));
            }
        }
        if (plainFileName(debugLink) && module != null) {
            Path folder = module.toAbsolutePath().getParent();
            list.add(folder.resolve(debugLink));
            list.add(folder.resolve(".debug").resolve(debugLink));
            for (Path dir : debugDirs) {
                list.add(Path.of(dir.toString(), folder.toString(), debugLink));
            }
        }
        return list;
    }

    /**
     * The debuglink comes from the analyzed process's files: a name with a '/' or a '..' could
     * point anywhere on this host (and maze pack would bundle what it found), so only a plain
     * file name is followed, as gdb and objcopy write it.
     */
    private static boolean plainFileName(String name) {
        return name != null && !name.isEmpty() && name.indexOf('/') < 0 && !name.equals(".") && !name.equals("..");
    }

    /** A debuglink that names the module itself (same folder, same name) is not a debug file. */
    private static boolean isSelf(Path candidate, Path module) {
        return module != null && candidate.toAbsolutePath().normalize().equals(module.toAbsolutePath().normalize());
    }

    /** Without a build-id to compare, the candidate must still be an ELF file to count as debug info. */
    private static boolean sameBuild(Path candidate, String buildId) {
        try (ElfFile elf = ElfFile.open(candidate)) {
            String id = buildId == null ? null : elf.buildId();
            return id == null || id.equals(buildId);
        } catch (CoreFormatException e) {
            return false;
        }
    }
}

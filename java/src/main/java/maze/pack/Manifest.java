package maze.pack;

import java.util.List;

/**
 * {@code manifest.json}, the last entry of a bundle (it holds every other entry's sha256, known
 * only once that entry has streamed by).
 *
 * @param format      bundle format version; an extractor refuses one it does not know
 * @param mazeVersion the maze that packed it
 * @param packedAt    ISO-8601 UTC instant
 * @param host        the host name where it was packed
 * @param pid         the process id from the core
 * @param commandLine the command line from the core (NT_PRPSINFO, may be cut short)
 * @param exe         the executable's real path (from the core's notes, or --exe)
 * @param core        the core file
 * @param modules     executable first, then the libraries
 * @param warnings    everything the packer found wrong
 */
public record Manifest(int format, String mazeVersion, String packedAt, String host, int pid,
                       String commandLine, String exe, BundleFile core, List<ManifestModule> modules,
                       List<String> warnings) {
    public static final int FORMAT = 1;
    public static final String ENTRY = "manifest.json";
}

package maze.pack;

/**
 * One module of the packed process as the manifest records it.
 *
 * @param path        real path from NT_FILE
 * @param linkName    the name the dynamic linker used; gdb looks the library up by it
 * @param loadBias    l_addr
 * @param buildId     build-id the core's copy of the ELF headers carries, or null
 * @param fileBuildId build-id of the packed file, or null
 * @param executable  true for the main executable
 * @param file        the packed file, or null when the host had none
 * @param debug       its separate debug file, or null when the host had none
 * @param warning     why this module may mislead the analysis, or null
 */
public record ManifestModule(String path, String linkName, long loadBias, String buildId, String fileBuildId,
                             boolean executable, BundleFile file, BundleFile debug, String warning) {
}

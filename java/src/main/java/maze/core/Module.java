package maze.core;

import java.nio.file.Path;

/**
 * A mapped ELF object (the executable or a shared library).
 *
 * @param path        real path from NT_FILE
 * @param linkName    the name the dynamic linker used (link_map l_name), or the path when unknown
 * @param loadBias    l_addr: runtime address minus the ELF's link-time address
 * @param buildId     hex build-id read from the core's copy of the ELF headers, or null
 * @param localFile   the file on this host that will be read for it (sysroot applied), or null
 * @param fileBuildId hex build-id of {@code localFile}, or null
 * @param executable  true for the main executable
 */
public record Module(String path, String linkName, long loadBias, String buildId, Path localFile,
                     String fileBuildId, boolean executable) {

    /** The file on this host is there and is the one the process ran. */
    public boolean fileMatches() {
        return localFile != null && (buildId == null || buildId.equals(fileBuildId));
    }
}

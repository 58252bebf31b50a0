package maze.pack;

import java.nio.file.Path;

/**
 * What the user said about the files to pack.
 *
 * @param exe               the executable the user named (--exe): followed through links, still checked by build-id
 * @param includeUnverified pack files whose build-id cannot be checked or differs (--include-unverified)
 */
public record PackOptions(Path exe, boolean includeUnverified) {
    public static final PackOptions DEFAULT = new PackOptions(null, false);
}

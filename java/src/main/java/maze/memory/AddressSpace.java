package maze.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's address-space limit (ulimit -v), for an error that says why a mapping failed. */
public final class AddressSpace {
    private AddressSpace() {
    }

    /** "the address-space limit (ulimit -v) is N KiB", or what else is known. */
    public static String limit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max address space")) {
                    String soft = line.substring("Max address space".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? "the system refused the mapping (no address-space limit is set)"
                            : "the address-space limit (ulimit -v) is " + Long.parseLong(soft) / 1024 + " KiB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through: the limit is unknown
        }
        return "the system refused the mapping (address-space limit unknown)";
    }
}

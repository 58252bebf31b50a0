package maze.core;

import java.nio.file.Path;

/** The file is not a usable ELF core (or ELF module); the message names the file and the problem. */
public final class CoreFormatException extends RuntimeException {
    private final transient Path file;
    private final boolean missing;

    public CoreFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.missing = "no such file".equals(problem);
    }

    /** The file named, when the file itself does not exist (a mistyped path, or a PID meant as a core). */
    public Path missingFile() {
        return missing ? file : null;
    }
}

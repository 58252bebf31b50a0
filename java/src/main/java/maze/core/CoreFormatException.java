package maze.core;

import java.nio.file.Path;

/** The file is not a usable ELF core (or ELF module); the message names the file and the problem. */
public final class CoreFormatException extends RuntimeException {
    public CoreFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}

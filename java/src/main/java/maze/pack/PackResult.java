package maze.pack;

import java.nio.file.Path;

/** A bundle just written and its manifest. */
public record PackResult(Path bundle, Manifest manifest) {

    /** One line for the user: what went in, and where (the vdso has no file: the core holds it). */
    public String summary() {
        long files = manifest.modules().stream().filter(m -> m.file() != null).count();
        long onDisk = manifest.modules().stream().filter(m -> m.path() != null && m.path().startsWith("/")).count();
        long debug = manifest.modules().stream().filter(m -> m.debug() != null).count();
        return "packed the core of pid " + manifest.pid() + " (" + manifest.exe() + "), " + files + " of " + onDisk
                + " module files and " + debug + " debug files into " + bundle;
    }
}

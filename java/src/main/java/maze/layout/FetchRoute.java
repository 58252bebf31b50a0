package maze.layout;

import java.nio.file.Path;

/**
 * How gdb is asked for layouts.
 *
 * @param script     true: the whole request in one command of maze.py; false: one ptype per struct
 * @param scriptFile the maze.py to source, or null for the one the jar carries
 * @param fallBack   when gdb cannot run the script (no Python), use ptype instead of failing
 */
record FetchRoute(boolean script, Path scriptFile, boolean fallBack) {
    /** What the analysis uses: the bundled script, else ptype (with a warning). */
    static final FetchRoute STANDARD = new FetchRoute(true, null, true);
    /** The per-struct route only: the reference in tests, and the "before" of the benchmark. */
    static final FetchRoute PTYPE = new FetchRoute(false, null, false);
    /** The bundled script, failing instead of falling back (tests must know which route answered). */
    static final FetchRoute SCRIPT_ONLY = new FetchRoute(true, null, false);
}

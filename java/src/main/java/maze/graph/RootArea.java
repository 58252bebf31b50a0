package maze.graph;

/**
 * One named area roots lie in: a module's writable data, a thread's live stack or its registers,
 * a thread's TLS, or anonymous memory outside the heap. {@code module} is the module's path for
 * module data and for a module's static TLS block (its symbols name the words), else null; {@code thread} the thread's index in the
 * core (0 = main) or -1.
 */
public record RootArea(RootKind kind, String name, String module, int thread) {
    /** "module data of /usr/bin/app", "stack of thread 2 (LWP 1234)". */
    public String describe() {
        return kind.label + " of " + name;
    }
}

package maze.graph;

/** Where a root lies; every root word or register is one of these. */
public enum RootKind {
    MODULE_DATA("module data"),
    STACK("stack"),
    REGISTER("register"),
    TLS("thread-local storage"),
    ANONYMOUS("anonymous memory (conservative)");

    public final String label;

    RootKind(String label) {
        this.label = label;
    }
}

package maze.classify;

/**
 * Where a vtable symbol was read, in the order gdb trusts them: the module's own .symtab, the
 * .symtab of its separate debug file, then .dynsym (exported vtables only). A symbol found in
 * several is counted once, for the first.
 */
public enum VtableSource {
    MODULE_SYMTAB("module_symtab", "module .symtab"),
    DEBUG_FILE("debug_file", "debug file"),
    DYNSYM("dynsym", ".dynsym");

    /** The key in the JSON report. */
    public final String key;
    /** How the text report says it. */
    public final String label;

    VtableSource(String key, String label) {
        this.key = key;
        this.label = label;
    }
}

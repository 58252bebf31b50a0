package maze.classify;

/**
 * One {@code _ZTV...} symbol as the process saw it: {@code address} is the runtime start
 * (st_value + the module's load bias), {@code size} is st_size. {@code executable} marks the main
 * program's copy: with copy relocations the executable holds the vtable objects actually point to,
 * so it wins where symbols of two modules cover the same word. {@code source} says which symbol
 * table it came from.
 */
public record VtableSymbol(String mangled, long address, long size, boolean executable, VtableSource source) {

    public VtableSymbol {
        if (mangled == null || mangled.isEmpty()) {
            throw new IllegalArgumentException("vtable symbol without a name");
        }
        if (source == null) {
            throw new IllegalArgumentException("vtable symbol without a source: " + mangled);
        }
    }

    /** A symbol from the module's own .symtab. */
    public VtableSymbol(String mangled, long address, long size, boolean executable) {
        this(mangled, address, size, executable, VtableSource.MODULE_SYMTAB);
    }

    /** A symbol of a shared library (not the executable), from its own .symtab. */
    public VtableSymbol(String mangled, long address, long size) {
        this(mangled, address, size, false);
    }

    /** True for names the vtable index accepts: {@code _ZTV} followed by a class encoding. */
    public static boolean isVtableName(String name) {
        return name != null && name.length() > 4 && name.startsWith("_ZTV");
    }
}

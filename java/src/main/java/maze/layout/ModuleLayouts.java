package maze.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Everything learned about one module's layouts and symbols: what was found and what the module
 * lacks (so a later request does not ask gdb again). Serialized by {@link LayoutJson}.
 */
public final class ModuleLayouts implements LayoutSource {
    private final String file;
    private final String buildId;
    private String debugFile;
    private String noDebugInfo;
    final Map<String, StructLayout> structs = new LinkedHashMap<>();
    final Set<String> missingStructs = new LinkedHashSet<>();
    final Map<String, Long> symbols = new LinkedHashMap<>();
    final Set<String> missingSymbols = new LinkedHashSet<>();
    final Map<String, Long> tls = new LinkedHashMap<>();
    final Set<String> missingTls = new LinkedHashSet<>();

    public ModuleLayouts(String file, String buildId) {
        this.file = file;
        this.buildId = buildId;
    }

    public String file() {
        return file;
    }

    /** Lower-case hex build-id of the module file, or null. */
    public String buildId() {
        return buildId;
    }

    /** The separate debug file gdb read, or null (DWARF in the file itself, or none). */
    public String debugFile() {
        return debugFile;
    }

    /** True when gdb found DWARF for the module (else only ELF symbols are known). */
    public boolean hasDebugInfo() {
        return noDebugInfo == null;
    }

    void debugFile(String path) {
        this.debugFile = path;
    }

    /** Marks the module as having no DWARF; {@code why} is the message struct lookups will throw. */
    void noDebugInfo(String why) {
        this.noDebugInfo = why;
    }

    String noDebugInfoMessage() {
        return noDebugInfo;
    }

    @Override
    public StructLayout struct(String name) {
        StructLayout s = structs.get(name);
        if (s != null) {
            return s;
        }
        if (noDebugInfo != null) {
            throw new LayoutException(noDebugInfo);
        }
        throw new LayoutException(missingStructs.contains(name)
                ? "no struct, union or type named '" + name + "' in the DWARF of " + describe()
                : "struct '" + name + "' was not part of the layout request for " + describe());
    }

    @Override
    public OptionalLong symbol(String name) {
        return LayoutSource.lookup(symbols, name);
    }

    @Override
    public OptionalLong tlsOffset(String name) {
        return LayoutSource.lookup(tls, name);
    }

    /** The part of {@code r} this object has no answer for (found or missing); empty lists if none. */
    public LayoutRequest unanswered(LayoutRequest r) {
        return new LayoutRequest(
                absent(r.structs(), structs.keySet(), missingStructs),
                absent(r.symbols(), symbols.keySet(), missingSymbols),
                absent(r.tlsVariables(), tls.keySet(), missingTls));
    }

    static boolean isEmpty(LayoutRequest r) {
        return r.structs().isEmpty() && r.symbols().isEmpty() && r.tlsVariables().isEmpty();
    }

    /** Takes every answer of {@code other} (a later fetch for the same module). */
    void merge(ModuleLayouts other) {
        structs.putAll(other.structs);
        missingStructs.addAll(other.missingStructs);
        symbols.putAll(other.symbols);
        missingSymbols.addAll(other.missingSymbols);
        tls.putAll(other.tls);
        missingTls.addAll(other.missingTls);
        missingStructs.removeAll(structs.keySet());
        if (other.debugFile != null) {
            debugFile = other.debugFile;
        }
    }

    String describe() {
        return file + (buildId != null ? " (build-id " + buildId + ")" : " (no build-id)");
    }

    private static List<String> absent(List<String> names, Set<String> found, Set<String> missing) {
        List<String> out = new ArrayList<>();
        for (String n : names == null ? List.<String>of() : names) {
            if (!found.contains(n) && !missing.contains(n) && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }
}

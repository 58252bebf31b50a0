package maze.layout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A built-in layout table: the layouts of one stripped binary, keyed by its build-id, shipped as a
 * text resource ({@code library}, {@code version}, {@code build-id} lines, then {@code struct NAME
 * SIZE} and {@code field NAME OFFSET SIZE [BITPOS BITSIZE]} lines, {@code symbol NAME ADDRESS}),
 * answered like DWARF would. A table is right only for the exact binary it was read from, and a
 * walker still checks it on the core.
 */
public final class LayoutTable implements LayoutSource {
    private final String resource;
    private final Map<String, String> header = new LinkedHashMap<>();
    private final Map<String, StructLayout> structs = new LinkedHashMap<>();
    private final Map<String, Long> symbols = new LinkedHashMap<>();

    private LayoutTable(String resource) {
        this.resource = resource;
    }

    /** The table in resource {@code name} next to {@code owner}. */
    public static LayoutTable load(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in layout " + name + " missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            return parse(name, r.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LayoutTable parse(String resource, List<String> lines) {
        LayoutTable t = new LayoutTable(resource);
        Map<String, FieldLayout> fields = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] w = line.trim().split("\\s+");
            switch (w[0]) {
                case "struct" -> {
                    fields = new LinkedHashMap<>();
                    t.structs.put(w[1], new StructLayout(w[1], Long.decode(w[2]), fields));
                }
                case "field" -> fields.put(w[1], w.length > 4
                        ? new FieldLayout(w[1], Long.decode(w[2]), Long.decode(w[3]), Integer.parseInt(w[4]), Integer.parseInt(w[5]))
                        : new FieldLayout(w[1], Long.decode(w[2]), Long.decode(w[3])));
                case "symbol" -> t.symbols.put(w[1], Long.decode(w[2]));
                default -> t.header.put(w[0], w[1]);
            }
        }
        return t;
    }

    public String resource() {
        return resource;
    }

    public String library() {
        return header.get("library");
    }

    public String version() {
        return header.get("version");
    }

    public String buildId() {
        return header.get("build-id");
    }

    /** Every struct of the table, in its order. */
    public Map<String, StructLayout> structs() {
        return java.util.Collections.unmodifiableMap(structs);
    }

    @Override
    public StructLayout struct(String name) {
        StructLayout s = structs.get(name);
        if (s == null) {
            throw new LayoutException("built-in layout " + resource + " has no " + name);
        }
        return s;
    }

    @Override
    public OptionalLong symbol(String name) {
        Long v = symbols.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    @Override
    public OptionalLong tlsOffset(String name) {
        return OptionalLong.empty();
    }
}

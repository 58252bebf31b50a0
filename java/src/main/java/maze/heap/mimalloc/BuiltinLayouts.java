package maze.heap.mimalloc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import maze.layout.FieldLayout;
import maze.layout.LayoutException;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;

/**
 * Layout tables for stripped release builds we can meet (Debian's), one resource file per build,
 * keyed by build-id: a table is right only for the exact binary it was read from.
 */
final class BuiltinLayouts {
    /** The tables shipped; each file names its library, version and build-id. */
    static final List<String> TABLES = List.of("debian-2.0.9.layout", "debian-3.0.1.layout", "debian-3.6.0.layout");

    /** One table: what it is for, and its content as a LayoutSource. */
    record Table(String resource, String library, String version, String buildId, Source source) {
    }

    private BuiltinLayouts() {
    }

    static Optional<Table> forBuildId(String buildId) {
        return all().stream().filter(t -> t.buildId().equals(buildId)).findFirst();
    }

    static List<Table> all() {
        List<Table> list = new ArrayList<>();
        for (String name : TABLES) {
            list.add(load(name));
        }
        return list;
    }

    static Table load(String resource) {
        try (InputStream in = BuiltinLayouts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in layout " + resource + " missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            return parse(resource, r.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Table parse(String resource, List<String> lines) {
        Map<String, String> header = new LinkedHashMap<>();
        Source src = new Source(resource);
        Map<String, FieldLayout> fields = null;
        for (String line : lines) {
            String[] w = line.trim().split("\\s+");
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            switch (w[0]) {
                case "struct" -> {
                    fields = new LinkedHashMap<>();
                    src.structs.put(w[1], new StructLayout(w[1], Long.decode(w[2]), fields));
                }
                case "field" -> fields.put(w[1], new FieldLayout(w[1], Long.decode(w[2]), Long.decode(w[3])));
                case "symbol" -> src.symbols.put(w[1], Long.decode(w[2]));
                case "tls" -> src.tls.put(w[1], Long.decode(w[2]));
                default -> header.put(w[0], w[1]);
            }
        }
        return new Table(resource, header.get("library"), header.get("version"), header.get("build-id"), src);
    }

    /** A table's structs, symbols and TLS offsets, answered like DWARF would. */
    static final class Source implements LayoutSource {
        private final String resource;
        final Map<String, StructLayout> structs = new LinkedHashMap<>();
        final Map<String, Long> symbols = new LinkedHashMap<>();
        final Map<String, Long> tls = new LinkedHashMap<>();

        Source(String resource) {
            this.resource = resource;
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
            Long v = tls.get(name);
            return v == null ? OptionalLong.empty() : OptionalLong.of(v);
        }
    }
}

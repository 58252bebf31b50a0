package maze.heap.jemalloc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import maze.layout.LayoutException;
import maze.layout.LayoutJson;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;

/**
 * Built-in layout tables for stripped jemalloc libraries, one JSON resource per binary, keyed by
 * its build-id. Structs are in {@code maze layouts}' format, read from the DWARF of a rebuild of
 * the same source with the distribution's options (docs/jemalloc.md says how); symbols are where
 * that rebuild put the hidden globals, which the walker only takes once the core proves them.
 */
final class JeTables {
    static final List<String> RESOURCES = List.of("debian-5.3.0-1.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One table: the binary it describes and its content as a LayoutSource. */
    record Table(String resource, String library, String buildId, LayoutSource source) {
    }

    private JeTables() {
    }

    static Table forBuildId(String buildId) {
        return all().stream().filter(t -> t.buildId().equals(buildId)).findFirst().orElse(null);
    }

    static String describeAll() {
        return all().stream().map(t -> t.library() + " (build-id " + t.buildId() + ")").collect(Collectors.joining(", "));
    }

    static List<Table> all() {
        return RESOURCES.stream().map(JeTables::load).toList();
    }

    static Table load(String resource) {
        try (InputStream in = JeTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in layout " + resource + " missing from the jar");
            }
            JsonNode o = MAPPER.readTree(in);
            Map<String, StructLayout> structs = new LinkedHashMap<>();
            o.path("structs").fields().forEachRemaining(e -> structs.put(e.getKey(), LayoutJson.struct(e.getKey(), e.getValue())));
            Map<String, Long> symbols = new LinkedHashMap<>();
            o.path("symbols").fields().forEachRemaining(e -> symbols.put(e.getKey(), Long.decode(e.getValue().asText())));
            return new Table(resource, o.path("library").asText(), o.path("buildId").asText(), new TableSource(resource, structs, symbols));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table's structs and symbols, answered like DWARF would (a table knows no TLS). */
    private record TableSource(String resource, Map<String, StructLayout> structs, Map<String, Long> symbols)
            implements LayoutSource {
        @Override
        public StructLayout struct(String name) {
            return Optional.ofNullable(structs.get(name))
                    .orElseThrow(() -> new LayoutException("built-in layout " + resource + " has no " + name));
        }

        @Override
        public OptionalLong symbol(String name) {
            return symbols.containsKey(name) ? OptionalLong.of(symbols.get(name)) : OptionalLong.empty();
        }

        @Override
        public OptionalLong tlsOffset(String name) {
            return OptionalLong.empty();
        }
    }
}

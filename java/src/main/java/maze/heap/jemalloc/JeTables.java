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
 * the same source with the distribution's options (docs/jemalloc.md says how). A table holds no
 * addresses: the walker finds the hidden globals in the core by their content.
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
            return new Table(resource, o.path("library").asText(), o.path("buildId").asText(), new TableSource(resource, structs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table's structs, answered like DWARF would; it knows no symbols and no TLS. */
    private record TableSource(String resource, Map<String, StructLayout> structs)
            implements LayoutSource {
        @Override
        public StructLayout struct(String name) {
            return Optional.ofNullable(structs.get(name))
                    .orElseThrow(() -> new LayoutException("built-in layout " + resource + " has no " + name));
        }

        @Override
        public OptionalLong symbol(String name) {
            return OptionalLong.empty();
        }

        @Override
        public OptionalLong tlsOffset(String name) {
            return OptionalLong.empty();
        }
    }
}

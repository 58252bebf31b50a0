package maze.layout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON of layouts: {@code {"size": N, "fields": {"NAME": {"offset": N, "size": N}}}} per struct
 * (bitfields add "bitpos" and "bitsize"), as `maze layouts` prints and the cache stores.
 */
public final class LayoutJson {
    /** Bumped when the cache's shape or the parsing changes, so old cache files are not trusted. */
    static final int CACHE_VERSION = 2;
    static final ObjectMapper MAPPER = new ObjectMapper();

    private LayoutJson() {
    }

    public static ObjectNode struct(StructLayout s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("size", s.size());
        ObjectNode fields = o.putObject("fields");
        for (FieldLayout f : s.fields().values()) {
            ObjectNode fo = fields.putObject(f.name());
            fo.put("offset", f.offset());
            fo.put("size", f.size());
            if (f.isBitfield()) {
                fo.put("bitpos", f.bitPos());
                fo.put("bitsize", f.bitSize());
            }
        }
        return o;
    }

    public static StructLayout struct(String name, JsonNode o) {
        Map<String, FieldLayout> fields = new LinkedHashMap<>();
        o.path("fields").fields().forEachRemaining(e -> {
            JsonNode f = e.getValue();
            fields.put(e.getKey(), new FieldLayout(e.getKey(), f.path("offset").asLong(), f.path("size").asLong(),
                    f.path("bitpos").asInt(-1), f.path("bitsize").asInt(-1)));
        });
        return new StructLayout(name, o.path("size").asLong(), fields);
    }

    /**
     * {@code {"NAME": struct, ...}} for {@code names}, one field a line so people can read it;
     * throws LayoutException for a name the module lacks.
     */
    public static String structsText(LayoutSource source, List<String> names) {
        StringBuilder b = new StringBuilder("{");
        try {
            for (int i = 0; i < names.size(); i++) {
                ObjectNode s = struct(source.struct(names.get(i)));
                b.append(i == 0 ? "\n  " : ",\n  ").append(MAPPER.writeValueAsString(names.get(i)))
                        .append(": {\"size\": ").append(s.get("size")).append(", \"fields\": {");
                String sep = "\n    ";
                for (var f : (Iterable<java.util.Map.Entry<String, JsonNode>>) s.get("fields")::fields) {
                    b.append(sep).append(MAPPER.writeValueAsString(f.getKey())).append(": ")
                            .append(MAPPER.writeValueAsString(f.getValue()).replace(":", ": ").replace(",", ", "));
                    sep = ",\n    ";
                }
                b.append("\n  }}");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return b.append("\n}").toString();
    }

    /** The cache file's content for {@code m}. */
    static ObjectNode module(ModuleLayouts m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("version", CACHE_VERSION);
        o.put("file", m.file());
        o.put("buildId", m.buildId());
        o.put("debugFile", m.debugFile());
        o.put("noDebugInfo", m.noDebugInfoMessage());
        ObjectNode structs = o.putObject("structs");
        m.structs.forEach((n, s) -> structs.set(n, struct(s)));
        names(o.putArray("missingStructs"), m.missingStructs);
        m.symbols.forEach(o.putObject("symbols")::put);
        names(o.putArray("missingSymbols"), m.missingSymbols);
        m.tls.forEach(o.putObject("tls")::put);
        names(o.putArray("missingTls"), m.missingTls);
        return o;
    }

    /** Reads a cache file's content; null when it is from another cache version. */
    static ModuleLayouts module(JsonNode o) {
        if (o.path("version").asInt() != CACHE_VERSION) {
            return null;
        }
        ModuleLayouts m = new ModuleLayouts(o.path("file").asText(), o.path("buildId").textValue());
        m.debugFile(o.path("debugFile").textValue());
        if (o.path("noDebugInfo").isTextual()) {
            m.noDebugInfo(o.path("noDebugInfo").textValue());
        }
        o.path("structs").fields().forEachRemaining(e -> m.structs.put(e.getKey(), struct(e.getKey(), e.getValue())));
        o.path("missingStructs").forEach(n -> m.missingStructs.add(n.asText()));
        o.path("symbols").fields().forEachRemaining(e -> m.symbols.put(e.getKey(), e.getValue().asLong()));
        o.path("missingSymbols").forEach(n -> m.missingSymbols.add(n.asText()));
        o.path("tls").fields().forEachRemaining(e -> m.tls.put(e.getKey(), e.getValue().asLong()));
        o.path("missingTls").forEach(n -> m.missingTls.add(n.asText()));
        return m;
    }

    private static void names(ArrayNode a, Collection<String> names) {
        names.forEach(a::add);
    }
}

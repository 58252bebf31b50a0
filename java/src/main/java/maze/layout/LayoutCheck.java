package maze.layout;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks a layout cache entry before it is believed: it is the module its name says, and every
 * number is a plain number in range (a field inside its struct, a plausible struct size), so a
 * damaged or planted file cannot steer a heap walk.
 */
final class LayoutCheck {
    /**
     * Larger than any allocator's struct: jemalloc's emap_t holds its 2 MiB rtree root inline,
     * tcmalloc's PageHeap is 1.5 MiB; mimalloc's heap is a few KiB, glibc's malloc_state 2 KiB.
     */
    static final long MAX_STRUCT_SIZE = 64L << 20;

    private LayoutCheck() {
    }

    /** Why the entry stored under {@code key} is not to be trusted, or null. */
    static String problem(String key, JsonNode o) {
        JsonNode id = o.path("buildId");
        boolean byId = !key.startsWith("nobuildid-");
        if (byId ? !id.isTextual() || !id.textValue().equals(key) : !id.isNull() && !id.isMissingNode() && !id.isTextual()) {
            return "its build-id " + id + " is not its name " + key;
        }
        if (!o.path("structs").isObject() && !o.path("structs").isMissingNode()) {
            return "'structs' is not an object";
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("structs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> s = it.next();
            String p = struct(s.getValue());
            if (p != null) {
                return "struct " + s.getKey() + ": " + p;
            }
        }
        String p = numbers(o.path("symbols"), "symbol");
        return p != null ? p : numbers(o.path("tls"), "TLS offset");
    }

    private static String struct(JsonNode s) {
        JsonNode size = s.path("size");
        if (!size.isIntegralNumber() || size.asLong() <= 0 || size.asLong() > MAX_STRUCT_SIZE) {
            return "size " + size + " is not between 1 and " + MAX_STRUCT_SIZE;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("fields").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String p = field(f.getValue(), size.asLong());
            if (p != null) {
                return "field " + f.getKey() + ": " + p;
            }
        }
        return null;
    }

    private static String field(JsonNode f, long structSize) {
        JsonNode off = f.path("offset");
        JsonNode size = f.path("size");
        if (!off.isIntegralNumber() || !size.isIntegralNumber() || off.asLong() < 0 || size.asLong() < 0
                || off.asLong() > structSize || size.asLong() > structSize - off.asLong()) {
            return "offset " + off + " and size " + size + " are not inside the struct's " + structSize + " bytes";
        }
        boolean bits = f.has("bitpos") || f.has("bitsize");
        if (bits && !(f.path("bitpos").isIntegralNumber() && f.path("bitsize").isIntegralNumber()
                && f.path("bitpos").asLong() >= 0 && f.path("bitsize").asLong() >= 0 && f.path("bitsize").asLong() <= 64
                && f.path("bitpos").asLong() + f.path("bitsize").asLong() <= 8 * (structSize - off.asLong()))) {
            return "bit position " + f.path("bitpos") + " and width " + f.path("bitsize") + " are out of range";
        }
        return null;
    }

    private static String numbers(JsonNode map, String what) {
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isIntegralNumber()) {
                return what + " " + e.getKey() + " is " + e.getValue() + ", not a number";
            }
        }
        return null;
    }
}

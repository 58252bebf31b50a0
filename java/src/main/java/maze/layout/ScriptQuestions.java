package maze.layout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import maze.gdb.GdbSession;
import maze.gdb.MiReply;

/**
 * The one-command route: gdb sources maze.py, then {@code maze layout-request {JSON}} answers a
 * whole request in one console line {@code MAZE-JSON {...}}. Both commands go out together, so the
 * module costs a single round trip after loading instead of one per struct and symbol.
 */
final class ScriptQuestions {
    static final String MARK = "MAZE-JSON ";
    private static final System.Logger LOG = System.getLogger(ScriptQuestions.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private ScriptQuestions() {
    }

    /**
     * Answers the request into {@code out}; false when this gdb cannot run the script and the route
     * allows the ptype fallback (said once per JVM as a warning), else a LayoutException.
     */
    static boolean ask(GdbSession gdb, FetchRoute route, List<String> structs, LayoutRequest r, ModuleLayouts out) {
        String failure;
        try {
            Path script = route.scriptFile() != null ? route.scriptFile() : LayoutScript.extracted();
            failure = askAndRead(gdb, script, structs, r, out);
        } catch (LayoutException e) {
            failure = e.getMessage();
        }
        if (failure == null) {
            return true;
        }
        if (!route.fallBack()) {
            throw new LayoutException(failure);
        }
        if (!WARNED.getAndSet(true)) {
            LOG.log(Level.WARNING, failure + "; layouts are read with one gdb ptype per struct instead (slower)");
        }
        return false;
    }

    /** Sends both commands at once; null when answered, else why gdb could not run the script. */
    private static String askAndRead(GdbSession gdb, Path script, List<String> structs, LayoutRequest r,
                                     ModuleLayouts out) {
        List<MiReply> replies = gdb.sendAll(List.of(GdbSession.consoleCommand("source " + script),
                GdbSession.consoleCommand("maze layout-request " + request(structs, r))));
        for (MiReply reply : replies) {
            if (reply.isError()) {
                // without Python, `source` fails and the request then fails as an unknown command
                return "gdb could not run " + script + ": " + reply.errorMessage();
            }
        }
        read(replies.get(1).console(), out);
        return null;
    }

    /** The JSON argument of {@code maze layout-request}. */
    static String request(List<String> structs, LayoutRequest r) {
        ObjectNode o = LayoutJson.MAPPER.createObjectNode();
        structs.forEach(o.putArray("structs")::add);
        r.symbols().forEach(o.putArray("symbols")::add);
        r.tlsVariables().forEach(o.putArray("tls")::add);
        try {
            return LayoutJson.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the answers of the {@code MAZE-JSON} line in {@code console}; null means the module lacks it. */
    static void read(String console, ModuleLayouts out) {
        JsonNode reply = parse(console);
        reply.path("structs").fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                out.missingStructs.add(e.getKey());
            } else {
                out.structs.put(e.getKey(), LayoutJson.struct(e.getKey(), e.getValue()));
            }
        });
        values(reply.path("symbols"), out.symbols, out.missingSymbols);
        values(reply.path("tls"), out.tls, out.missingTls);
    }

    private static void values(JsonNode answers, Map<String, Long> found, Set<String> missing) {
        answers.fields().forEachRemaining(e ->
                PtypeQuestions.put(!e.getValue().isNull(), e.getKey(), e.getValue().asLong(), found, missing));
    }

    private static JsonNode parse(String console) {
        for (String line : console.split("\n")) {
            if (line.startsWith(MARK)) {
                try {
                    return LayoutJson.MAPPER.readTree(line.substring(MARK.length()));
                } catch (JsonProcessingException e) {
                    throw new LayoutException("maze.py's reply is not JSON: " + e.getOriginalMessage(), e);
                }
            }
        }
        throw new LayoutException("maze.py printed no " + MARK.strip() + " line: " + console.strip());
    }
}

package maze.layout;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import maze.gdb.GdbOptions;
import maze.gdb.GdbSession;
import maze.gdb.MiReply;
import maze.gdb.mi.MiTuple;
import maze.gdb.mi.MiValue;

/**
 * Per-thread addresses of thread-local variables, asked of gdb with the executable and the core
 * loaded (gdb resolves TLS through the host's libthread_db). For when the module TLS offset
 * path ({@link LayoutSource#tlsOffset}) cannot be used: no DWARF offset, or a static TLS block
 * the core reader cannot place. Costs one gdb session on the core.
 *
 * <pre>
 * Map&lt;String, Map&lt;Long, Long&gt;&gt; byVar = new ThreadLocalAddresses(GdbOptions.defaults())
 *         .fetch(exe, core, List.of("tcache"));   // variable -> (LWP -> runtime address)
 * </pre>
 */
public final class ThreadLocalAddresses {
    private static final Pattern LWP = Pattern.compile("LWP (\\d+)");

    private final GdbOptions options;

    public ThreadLocalAddresses(GdbOptions options) {
        this.options = options;
    }

    /** For each variable: thread (LWP) to the runtime address of its copy; threads gdb cannot place are left out. */
    public Map<String, Map<Long, Long>> fetch(Path exe, Path core, List<String> variables) {
        try (GdbSession gdb = GdbSession.start(options)) {
            gdb.loadFile(exe);
            gdb.loadCore(core);
            Map<String, Long> threads = threads(gdb.send("-thread-info").orThrow());
            List<String> cmds = new ArrayList<>();
            for (String v : variables) {
                threads.keySet().forEach(id -> cmds.add(
                        "-data-evaluate-expression --thread " + id + " \"(unsigned long)&" + v + "\""));
            }
            List<MiReply> replies = gdb.sendAll(cmds);
            Map<String, Map<Long, Long>> out = new LinkedHashMap<>();
            int i = 0;
            for (String v : variables) {
                Map<Long, Long> perThread = new LinkedHashMap<>();
                for (Long lwp : threads.values()) {
                    MiReply r = replies.get(i++);
                    if (!r.isError()) {
                        perThread.put(lwp, new BigInteger(r.result().results().string("value")).longValue());
                    }
                }
                out.put(v, perThread);
            }
            return out;
        }
    }

    /** gdb's thread ids to LWPs, from -thread-info's target-id ("Thread 0x7f.. (LWP 42)" or "LWP 42"). */
    static Map<String, Long> threads(MiReply info) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (MiValue t : info.result().results().list("threads").values()) {
            MiTuple thread = (MiTuple) t;
            Matcher m = LWP.matcher(thread.string("target-id"));
            if (m.find()) {
                out.put(thread.string("id"), Long.parseLong(m.group(1)));
            }
        }
        return out;
    }
}

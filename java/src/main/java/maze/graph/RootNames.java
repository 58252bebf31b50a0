package maze.graph;

import java.util.List;
import maze.core.ThreadInfo;

/** Says in words where a root reference lies: the global, the thread's stack, the register. */
public final class RootNames {
    private final RefGraph graph;
    private final SymbolNames symbols;
    private final List<ThreadInfo> threads;

    /** {@code threads}: the core's, for stack offsets from each thread's stack pointer. */
    public RootNames(RefGraph graph, SymbolNames symbols, List<ThreadInfo> threads) {
        this.graph = graph;
        this.symbols = symbols;
        this.threads = threads;
    }

    /** "g_registry+0x8 in /usr/bin/app (module data) at 0x601048", "register rbx of thread 1 (LWP 7)". */
    public String describe(int root) {
        RootArea a = graph.regions().areas().get(graph.rootArea(root));
        long where = graph.rootWhere(root);
        return switch (a.kind()) {
            case REGISTER -> "register " + RegisterRoots.name(where) + " of " + a.name();
            case MODULE_DATA -> moduleWord(a, where);
            case STACK -> String.format("%s at 0x%x (sp%s)", a.describe(), where, offset(where - threads.get(a.thread()).rsp()));
            case TLS -> a.module() == null ? String.format("%s at 0x%x", a.describe(), where)
                    : String.format("%s in %s at 0x%x", named(symbol(root)), a.describe(), where);
            default -> String.format("%s at 0x%x", a.describe(), where);
        };
    }

    private static String offset(long d) {
        return d < 0 ? "-0x" + Long.toHexString(-d) : "+0x" + Long.toHexString(d);
    }

    /** The symbol naming a module-data or module TLS root, or null for other roots and unnamed words. */
    public String symbol(int root) {
        int areaIndex = graph.rootArea(root);
        RootArea a = graph.regions().areas().get(areaIndex);
        if (a.module() == null) {
            return null;
        }
        long where = graph.rootWhere(root);
        return a.kind() == RootKind.TLS ? symbols.tlsName(a.module(), where - blockStart(areaIndex))
                : symbols.name(a.module(), where);
    }

    /** Where a module's TLS block starts in its thread: the lowest address of its area. */
    private long blockStart(int area) {
        RootRegions r = graph.regions();
        for (int i = 0; i < r.count(); i++) {
            if (r.areaOfRange(i) == area) {
                return r.start(i);
            }
        }
        return 0;
    }

    private static String named(String sym) {
        return sym == null ? "(no symbol)" : sym;
    }

    private String moduleWord(RootArea a, long where) {
        return String.format("%s in %s (module data) at 0x%x", named(symbols.name(a.module(), where)), a.name(), where);
    }
}

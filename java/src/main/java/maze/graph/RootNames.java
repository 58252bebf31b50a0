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
            default -> String.format("%s at 0x%x", a.describe(), where);
        };
    }

    private static String offset(long d) {
        return d < 0 ? "-0x" + Long.toHexString(-d) : "+0x" + Long.toHexString(d);
    }

    /** The symbol naming a module-data root, or null for other roots and unnamed words. */
    public String symbol(int root) {
        RootArea a = graph.regions().areas().get(graph.rootArea(root));
        return a.kind() == RootKind.MODULE_DATA ? symbols.name(a.module(), graph.rootWhere(root)) : null;
    }

    private String moduleWord(RootArea a, long where) {
        String sym = symbols.name(a.module(), where);
        return String.format("%s in %s (module data) at 0x%x", sym == null ? "(no symbol)" : sym, a.name(), where);
    }
}

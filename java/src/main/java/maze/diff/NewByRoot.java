package maze.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import maze.graph.BlockTable;
import maze.graph.Dominators;
import maze.graph.ReachSets;
import maze.graph.RefGraph;
import maze.graph.RootArea;
import maze.graph.RootNames;

/**
 * What holds the memory allocated since the previous core: each new or reused block of the later
 * core goes to the top of its dominator-tree branch, the block only the super-root dominates, and
 * so to the root whose retained set holds it (a global by symbol, a thread's stack, registers or
 * TLS), to "leaked" when the branch is not anchored, or to the shared row when several roots reach
 * it. {@code core}: the index of the later core; rows sorted by bytes allocated, then by name.
 */
public record NewByRoot(int core, List<Row> rows, List<String> warnings, boolean partial) {
    public static final String LEAKED = "leaked";
    public static final String SHARED = "(several roots share these)";
    public static final String NOT_IN_GRAPH = "(not in the graph: overlapped another block)";

    /** One holder: the blocks and bytes new in the later core, and those at reused addresses. */
    public record Row(String root, long newBlocks, long newBytes, long reusedBlocks, long reusedBytes) {
        public long bytes() {
            return newBytes + reusedBytes;
        }
    }

    public NewByRoot {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /** Attributes {@code added} (addresses of the later core) in its reference graph. */
    public static List<Row> attribute(NewBlocks added, ReachSets sets, Dominators dom, RootNames names) {
        RefGraph g = sets.graph();
        BlockTable blocks = g.blocks();
        String[] holder = holders(g, dom, names);
        int[] top = new int[blocks.count()];
        java.util.Arrays.fill(top, -1);
        Map<String, long[]> sums = new HashMap<>();
        for (int i = 0; i < added.count(); i++) {
            int b = blocks.indexOf(added.address(i));
            String who;
            if (b < 0 || blocks.start(b) != added.address(i)) {
                who = NOT_IN_GRAPH;
            } else {
                int t = top(b, dom, top);
                who = sets.set(t) != ReachSets.ANCHORED ? LEAKED : holder[t] != null ? holder[t] : SHARED;
            }
            long[] s = sums.computeIfAbsent(who, k -> new long[4]);
            int at = added.isReused(i) ? 2 : 0;
            s[at]++;
            s[at + 1] += added.size(i);
        }
        List<Row> rows = new ArrayList<>();
        sums.forEach((k, s) -> rows.add(new Row(k, s[0], s[1], s[2], s[3])));
        rows.sort(Comparator.comparingLong(Row::bytes).reversed().thenComparing(Row::root));
        return rows;
    }

    /** The highest block dominating {@code b} other than the super-root; memoized in {@code top}. */
    private static int top(int b, Dominators dom, int[] top) {
        int x = b;
        while (top[x] < 0 && dom.idom(x) >= 0) {
            x = dom.idom(x);
        }
        int t = top[x] >= 0 ? top[x] : x;
        for (int y = b; top[y] < 0; y = dom.idom(y)) {
            top[y] = t;
            if (y == x) {
                break;
            }
        }
        return t;
    }

    /** Per block a root points to and nothing else dominates: the one name of its roots, null when several. */
    private static String[] holders(RefGraph g, Dominators dom, RootNames names) {
        String[] holder = new String[g.blocks().count()];
        boolean[] several = new boolean[holder.length];
        for (int r = 0; r < g.rootCount(); r++) {
            int b = g.rootTarget(r);
            if (dom.idom(b) >= 0 || several[b]) {
                continue;
            }
            String name = rootName(g, names, r);
            if (holder[b] == null) {
                holder[b] = name;
            } else if (!holder[b].equals(name)) {
                holder[b] = null;
                several[b] = true;
            }
        }
        return holder;
    }

    /** A global by its symbol (the offset in it left out), any other root by its area. */
    private static String rootName(RefGraph g, RootNames names, int r) {
        String sym = names.symbol(r);
        RootArea a = g.regions().areas().get(g.rootArea(r));
        return sym != null ? sym.replaceFirst("\\+0x[0-9a-f]+$", "") + " in " + a.name() : a.describe();
    }
}

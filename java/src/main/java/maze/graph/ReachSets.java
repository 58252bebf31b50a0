package maze.graph;

import java.util.Arrays;

/**
 * Anchored, leaked and unreferenced blocks. Anchored: reachable from a root. Leaked: not
 * anchored. Unreferenced: leaked, and no other leaked block points into it (the head of a leaked
 * tree, a lone leaked block; a leaked cycle has none). The sets come from a depth-first search
 * (it follows a structure through neighbouring memory, where a breadth-first one jumps between all
 * structures at once); the shortest path back to a root, which only {@code maze refs} asks for,
 * from a breadth-first search from every root at once, made on first use.
 */
public final class ReachSets {
    public static final byte ANCHORED = 0;
    public static final byte LEAKED = 1;
    public static final byte UNREFERENCED = 2;
    private static final String[] NAMES = {"anchored", "leaked", "unreferenced"};

    private final RefGraph graph;
    private final byte[] set;
    /** The block a block was first reached from; -2 - r for root reference r; -1 when unreached. */
    private int[] parent;

    private ReachSets(RefGraph graph, byte[] set) {
        this.graph = graph;
        this.set = set;
    }

    public static ReachSets of(RefGraph g) {
        byte[] set = new byte[g.blocks().count()];
        Arrays.fill(set, UNREFERENCED);
        anchor(g, set);
        for (int b = 0; b < set.length; b++) {
            if (set[b] == ANCHORED) {
                continue;
            }
            for (int e = g.firstEdge(b); e < g.firstEdge(b + 1); e++) {
                int t = g.target(e);
                if (set[t] == UNREFERENCED) {
                    set[t] = LEAKED;
                }
            }
        }
        return new ReachSets(g, set);
    }

    /** Marks every block the roots reach {@link #ANCHORED}: depth first, a block stacked once. */
    private static void anchor(RefGraph g, byte[] set) {
        int[] stack = new int[1024];
        int top = 0;
        for (int r = 0; r < g.rootCount(); r++) {
            int b = g.rootTarget(r);
            if (set[b] == ANCHORED) {
                continue;
            }
            set[b] = ANCHORED;
            stack[top++] = b;
            while (top > 0) {
                int v = stack[--top];
                int end = g.firstEdge(v + 1);
                for (int e = g.firstEdge(v); e < end; e++) {
                    int t = g.target(e);
                    if (set[t] != ANCHORED) {
                        set[t] = ANCHORED;
                        if (top == stack.length) {
                            stack = Arrays.copyOf(stack, top * 2);
                        }
                        stack[top++] = t;
                    }
                }
            }
        }
    }

    /** Breadth first from every root at once: each anchored block's first parent on a shortest path. */
    private static int[] parents(RefGraph g) {
        int n = g.blocks().count();
        int[] parent = new int[n];
        Arrays.fill(parent, -1);
        int[] queue = new int[n];
        int tail = 0;
        for (int r = 0; r < g.rootCount(); r++) {
            int b = g.rootTarget(r);
            if (parent[b] == -1) {
                parent[b] = -2 - r;
                queue[tail++] = b;
            }
        }
        for (int head = 0; head < tail; head++) {
            int b = queue[head];
            for (int e = g.firstEdge(b); e < g.firstEdge(b + 1); e++) {
                int t = g.target(e);
                if (parent[t] == -1) {
                    parent[t] = b;
                    queue[tail++] = t;
                }
            }
        }
        return parent;
    }

    public RefGraph graph() {
        return graph;
    }

    /** {@link #ANCHORED}, {@link #LEAKED} (leaked and referenced by a leaked block) or {@link #UNREFERENCED}. */
    public byte set(int block) {
        return set[block];
    }

    public static String name(byte set) {
        return NAMES[set];
    }

    /**
     * One shortest path from a root to {@code block}: the root reference's index as {@code -2 - r}
     * first, then the blocks down to {@code block}; empty when the block is leaked.
     */
    public synchronized int[] pathTo(int block) {
        if (set[block] != ANCHORED) {
            return new int[0];
        }
        if (parent == null) {
            parent = parents(graph);
        }
        if (parent[block] == -1) {
            return new int[0];
        }
        int len = 1;
        for (int b = block; b >= 0; b = parent[b]) {
            len++;
        }
        int[] path = new int[len];
        int i = len;
        int b = block;
        for (; b >= 0; b = parent[b]) {
            path[--i] = b;
        }
        path[0] = b;
        return path;
    }
}

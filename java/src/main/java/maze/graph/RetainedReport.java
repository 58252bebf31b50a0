package maze.graph;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import maze.classify.TypeNames;

/**
 * Retained sizes for people: per type, the bytes freed if every block of the type went (a block
 * below another of its own type in the dominator tree counts once, in its ancestor), and the
 * largest retainers, roots (by global, stack, register) and blocks.
 */
public final class RetainedReport {
    private final ReachSets sets;
    private final Dominators dom;
    private final TypeNames names;
    private final RootNames roots;
    private final BlockTable blocks;

    public RetainedReport(ReachSets sets, Dominators dom, TypeNames names, RootNames roots) {
        this.sets = sets;
        this.dom = dom;
        this.names = names;
        this.roots = roots;
        this.blocks = sets.graph().blocks();
    }

    public void write(PrintWriter out, int top) {
        types(out, top);
        rootRetainers(out, top);
        blockRetainers(out, top);
    }

    private void types(PrintWriter out, int top) {
        long[] keys = distinctTypes();
        long[] retained = typeRetained(keys);
        long[] count = new long[keys.length];
        long[] total = new long[keys.length];
        for (int b = 0; b < blocks.count(); b++) {
            int t = Arrays.binarySearch(keys, blocks.type(b));
            count[t]++;
            total[t] += blocks.size(b);
        }
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(retained[y], retained[x]));
        out.println("Retained by type (bytes freed if every block of the type were freed):");
        out.printf("%5s  %10s  %12s  %12s  %s%n", "Order", "Amount", "TotalSize", "Retained", "Type");
        int shown = top <= 0 ? order.length : Math.min(top, order.length);
        for (int i = 0; i < shown; i++) {
            int t = order[i];
            out.printf("%5d  %10d  %12d  %12d  %s%n", i + 1, count[t], total[t], retained[t], names.name(keys[t]));
        }
    }

    private long[] distinctTypes() {
        long[] k = new long[blocks.count()];
        for (int b = 0; b < k.length; b++) {
            k[b] = blocks.type(b);
        }
        Arrays.sort(k);
        int n = 0;
        for (int i = 0; i < k.length; i++) {
            if (n == 0 || k[i] != k[n - 1]) {
                k[n++] = k[i];
            }
        }
        return Arrays.copyOf(k, n);
    }

    /** A depth-first walk of the dominator tree counting, per type, the blocks of it on the way down. */
    private long[] typeRetained(long[] keys) {
        int n = blocks.count();
        int[] first = new int[n + 2];
        for (int b = 0; b < n; b++) {
            first[parent(b) + 1]++;
        }
        for (int i = 0; i <= n; i++) {
            first[i + 1] += first[i];
        }
        int[] fill = Arrays.copyOf(first, n + 1);
        int[] child = new int[n];
        for (int b = 0; b < n; b++) {
            child[fill[parent(b)]++] = b;
        }
        long[] out = new long[keys.length];
        int[] active = new int[keys.length];
        int[] stack = new int[n + 1];
        int[] next = new int[n + 1];
        int top = 0;
        stack[top++] = n;
        next[n] = first[n];
        while (top > 0) {
            int v = stack[top - 1];
            if (next[v] < first[v + 1]) {
                int c = child[next[v]++];
                int t = Arrays.binarySearch(keys, blocks.type(c));
                if (active[t]++ == 0) {
                    out[t] += dom.retained(c);
                }
                next[c] = first[c];
                stack[top++] = c;
            } else {
                top--;
                if (v < n) {
                    active[Arrays.binarySearch(keys, blocks.type(v))]--;
                }
            }
        }
        return out;
    }

    /** The tree parent: the super-root (n) for blocks dominated by nothing else or unreached. */
    private int parent(int b) {
        int d = dom.idom(b);
        return d < 0 ? blocks.count() : d;
    }

    private void rootRetainers(PrintWriter out, int top) {
        RefGraph g = sets.graph();
        Map<Integer, String> holder = new HashMap<>();
        for (int r = 0; r < g.rootCount(); r++) {
            int b = g.rootTarget(r);
            if (dom.idom(b) < 0) {
                String name = rootName(r);
                holder.merge(b, name, (a, c) -> a.equals(c) ? a : "");
            }
        }
        Map<String, long[]> byRoot = new HashMap<>();
        holder.forEach((b, name) -> {
            long[] sum = byRoot.computeIfAbsent(name.isEmpty() ? "(several roots share these)" : name, k -> new long[2]);
            sum[0] += dom.retained(b);
            sum[1]++;
        });
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(byRoot.entrySet());
        rows.sort((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]));
        out.println();
        out.println("Top retaining roots (bytes only they keep alive):");
        out.printf("%12s  %8s  %s%n", "Retained", "Blocks", "Root");
        for (Map.Entry<String, long[]> e : rows.subList(0, top <= 0 ? rows.size() : Math.min(top, rows.size()))) {
            out.printf("%12d  %8d  %s%n", e.getValue()[0], e.getValue()[1], e.getKey());
        }
    }

    /** A global by its symbol; a stack, register or TLS by its thread; anonymous memory by its range. */
    private String rootName(int r) {
        String sym = roots.symbol(r);
        RootArea a = sets.graph().regions().areas().get(sets.graph().rootArea(r));
        return sym != null ? sym.replaceFirst("\\+0x[0-9a-f]+$", "") + " in " + a.name() : a.describe();
    }

    private void blockRetainers(PrintWriter out, int top) {
        int k = top <= 0 ? 20 : top;
        int[] best = new int[k];
        int size = 0;
        for (int b = 0; b < blocks.count(); b++) {
            if (size < k) {
                size++;
            } else if (dom.retained(b) <= dom.retained(best[k - 1])) {
                continue;
            }
            int i = size - 1;
            for (; i > 0 && dom.retained(best[i - 1]) < dom.retained(b); i--) {
                best[i] = best[i - 1];
            }
            best[i] = b;
        }
        best = Arrays.copyOf(best, size);
        out.println();
        out.println("Top retaining blocks:");
        out.printf("%12s  %-14s  %s%n", "Retained", "Set", "Block");
        for (int b : best) {
            out.printf("%12d  %-14s  0x%x (%s, %d bytes)%n", dom.retained(b), ReachSets.name(sets.set(b)),
                    blocks.start(b), names.name(blocks.type(b)), blocks.size(b));
        }
    }
}

package maze.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;
import maze.classify.TypeNames;

/**
 * Retained sizes for people: per type, the bytes freed if every block of the type went (a block
 * below another of its own type in the dominator tree counts once, in its ancestor), and the
 * largest retainers, roots (by global, stack, register) and blocks. Text and JSON show the same rows.
 */
public final class RetainedReport {
    private final ReachSets sets;
    private final Dominators dom;
    private final TypeNames names;
    private final RootNames roots;
    private final BlockTable blocks;
    private final IntToLongFunction typeOf;
    private final FutureTask<TypeIndex> typeIndex;
    private List<TypeRow> typeRows;

    public RetainedReport(ReachSets sets, Dominators dom, TypeNames names, RootNames roots) {
        this(sets, dom, names, roots, sets.graph().blocks()::type);
    }

    /** {@code typeOf}: each block's type key, when it is not the block table's (--patterns names some by their shape). */
    public RetainedReport(ReachSets sets, Dominators dom, TypeNames names, RootNames roots, IntToLongFunction typeOf) {
        this(sets, dom, names, roots, typeOf, indexing(sets.graph().blocks(), typeOf));
    }

    private RetainedReport(ReachSets sets, Dominators dom, TypeNames names, RootNames roots, IntToLongFunction typeOf,
                           FutureTask<TypeIndex> typeIndex) {
        this.sets = sets;
        this.dom = dom;
        this.names = names;
        this.roots = roots;
        this.blocks = sets.graph().blocks();
        this.typeOf = typeOf;
        this.typeIndex = typeIndex;
    }

    /**
     * As the constructor, with the blocks' types indexed on a thread of their own while
     * {@code dominators} gives the dominator tree (computing it uses one core; at 10 million blocks
     * the index takes 0.1 s of the 2.8 s of --retained). {@code typeOf} must be safe to call from
     * another thread (it reads tables only).
     */
    public static RetainedReport of(ReachSets sets, Supplier<Dominators> dominators, TypeNames names, RootNames roots,
                                    IntToLongFunction typeOf) {
        FutureTask<TypeIndex> index = indexing(sets.graph().blocks(), typeOf);
        Thread t = new Thread(index, "maze-type-index");
        t.setDaemon(true);
        t.start();
        return new RetainedReport(sets, dominators.get(), names, roots, typeOf, index);
    }

    private static FutureTask<TypeIndex> indexing(BlockTable blocks, IntToLongFunction typeOf) {
        return new FutureTask<>(() -> TypeIndex.of(blocks.count(), typeOf));
    }

    /** The type index, made here if no thread of its own has (run() of a task that ran already does nothing). */
    private TypeIndex typeIndex() {
        typeIndex.run();
        try {
            return typeIndex.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing the blocks' types", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** A type's blocks, their bytes, and what freeing them all would free. */
    public record TypeRow(String type, long amount, long totalSize, long retained) {
    }

    /** What one root (or, with the shared label, several) alone keeps alive: bytes and dominated blocks. */
    public record RootRow(String root, long retained, long blocks) {
    }

    /** A block with its retained bytes. */
    public record BlockRow(long address, long size, String type, String set, long retained) {
    }

    static final String SHARED = "(several roots share these)";

    public void write(PrintWriter out, int top) {
        List<TypeRow> types = first(typeRows(), top);
        out.println("Retained by type (bytes freed if every block of the type were freed):");
        out.printf("%5s  %10s  %12s  %12s  %s%n", "Order", "Amount", "TotalSize", "Retained", "Type");
        for (int i = 0; i < types.size(); i++) {
            TypeRow t = types.get(i);
            out.printf("%5d  %10d  %12d  %12d  %s%n", i + 1, t.amount(), t.totalSize(), t.retained(), t.type());
        }
        out.println();
        out.println("Top retaining roots (bytes only they keep alive):");
        out.printf("%12s  %8s  %s%n", "Retained", "Blocks", "Root");
        for (RootRow r : first(rootRows(), top)) {
            out.printf("%12d  %8d  %s%n", r.retained(), r.blocks(), r.root());
        }
        out.println();
        out.println("Top retaining blocks:");
        out.printf("%12s  %-14s  %s%n", "Retained", "Set", "Block");
        for (BlockRow b : blockRows(top)) {
            out.printf("%12d  %-14s  0x%x (%s, %d bytes)%n", b.retained(), b.set(), b.address(), b.type(), b.size());
        }
    }

    /**
     * {@code "retained": {"types": [...], "roots": [...], "blocks": [...]}} (docs/json-schema.md): every
     * type and root; as many blocks as the text shows for {@code top}.
     */
    public void writeJson(JsonGenerator g, int top) throws IOException {
        g.writeObjectFieldStart("retained");
        g.writeArrayFieldStart("types");
        int order = 1;
        for (TypeRow t : typeRows()) {
            g.writeStartObject();
            g.writeNumberField("order", order++);
            g.writeNumberField("amount", t.amount());
            g.writeNumberField("total_size", t.totalSize());
            g.writeNumberField("retained", t.retained());
            g.writeStringField("type", t.type());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("roots");
        for (RootRow r : rootRows()) {
            g.writeStartObject();
            g.writeStringField("root", r.root().equals(SHARED) ? null : r.root());
            g.writeBooleanField("shared", r.root().equals(SHARED));
            g.writeNumberField("retained", r.retained());
            g.writeNumberField("blocks", r.blocks());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("blocks");
        for (BlockRow b : blockRows(top)) {
            g.writeStartObject();
            g.writeStringField("address", String.format("0x%x", b.address()));
            g.writeNumberField("size", b.size());
            g.writeStringField("type", b.type());
            g.writeStringField("set", b.set());
            g.writeNumberField("retained", b.retained());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static <T> List<T> first(List<T> rows, int top) {
        return top <= 0 ? rows : rows.subList(0, Math.min(top, rows.size()));
    }

    /** Every type, most retained first (computed once: the text and the JSON show the same rows). */
    public List<TypeRow> typeRows() {
        if (typeRows == null) {
            typeRows = computeTypeRows();
        }
        return typeRows;
    }

    private List<TypeRow> computeTypeRows() {
        GraphTiming part = new GraphTiming();
        TypeIndex types = typeIndex();
        part.lap("  type index (waited for)");
        long[] keys = types.keys();
        long[] retained = typeRetained(types);
        part.lap("  retained by type");
        long[] count = new long[keys.length];
        long[] total = new long[keys.length];
        for (int b = 0; b < blocks.count(); b++) {
            int t = types.of(b);
            count[t]++;
            total[t] += blocks.size(b);
        }
        List<TypeRow> rows = new ArrayList<>();
        for (int t = 0; t < keys.length; t++) {
            rows.add(new TypeRow(names.name(keys[t]), count[t], total[t], retained[t]));
        }
        rows.sort((x, y) -> Long.compare(y.retained(), x.retained()));
        return rows;
    }

    /** A depth-first walk of the dominator tree counting, per type, the blocks of it on the way down. */
    private long[] typeRetained(TypeIndex types) {
        int n = blocks.count();
        int[] first = new int[n + 2];
        int[] child = children(first);
        long[] out = new long[types.keys().length];
        int[] active = new int[out.length];
        // the path from the super-root down: nodes and their next child, grown as deep as the tree is
        int[] path = new int[64];
        int[] next = new int[64];
        path[0] = n;
        next[0] = first[n];
        for (int depth = 1; depth > 0; ) {
            int v = path[depth - 1];
            if (next[depth - 1] < first[v + 1]) {
                int c = child[next[depth - 1]++];
                int t = types.of(c);
                if (active[t]++ == 0) {
                    out[t] += dom.retained(c);
                }
                if (depth == path.length) {
                    path = Arrays.copyOf(path, 2 * depth);
                    next = Arrays.copyOf(next, 2 * depth);
                }
                path[depth] = c;
                next[depth++] = first[c];
            } else {
                depth--;
                if (v < n) {
                    active[types.of(v)]--;
                }
            }
        }
        return out;
    }

    /** The dominator tree's children as CSR: those of node v (n: the super-root) are [first[v], first[v + 1]). */
    private int[] children(int[] first) {
        int n = blocks.count();
        for (int b = 0; b < n; b++) {
            first[parent(b)]++;
        }
        for (int v = 1; v <= n; v++) {
            first[v] += first[v - 1]; // now the end of v's children
        }
        first[n + 1] = first[n];
        int[] child = new int[n];
        for (int b = n - 1; b >= 0; b--) {
            child[--first[parent(b)]] = b;
        }
        return child;
    }

    /** The tree parent: the super-root (n) for blocks dominated by nothing else or unreached. */
    private int parent(int b) {
        int d = dom.idom(b);
        return d < 0 ? blocks.count() : d;
    }

    /** Every root that alone keeps something alive, most retained first. */
    public List<RootRow> rootRows() {
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
            long[] sum = byRoot.computeIfAbsent(name.isEmpty() ? SHARED : name, k -> new long[2]);
            sum[0] += dom.retained(b);
            sum[1]++;
        });
        List<RootRow> rows = new ArrayList<>();
        byRoot.forEach((name, sum) -> rows.add(new RootRow(name, sum[0], sum[1])));
        rows.sort((x, y) -> Long.compare(y.retained(), x.retained()));
        return rows;
    }

    /** A global or thread-local variable by its symbol; a stack, register or TLS by its thread; anonymous memory by its range. */
    private String rootName(int r) {
        String sym = roots.symbol(r);
        RootArea a = sets.graph().regions().areas().get(sets.graph().rootArea(r));
        String where = a.kind() == RootKind.TLS ? a.describe() : a.name();
        return sym != null ? sym.replaceFirst("\\+0x[0-9a-f]+$", "") + " in " + where : a.describe();
    }

    /** The {@code top} (0: 20) blocks that retain the most, most first. */
    public List<BlockRow> blockRows(int top) {
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
        List<BlockRow> rows = new ArrayList<>();
        for (int b : Arrays.copyOf(best, size)) {
            rows.add(new BlockRow(blocks.start(b), blocks.size(b), names.name(typeOf.applyAsLong(b)),
                    ReachSets.name(sets.set(b)), dom.retained(b)));
        }
        return rows;
    }
}

package maze.graph;

import java.io.PrintWriter;
import maze.classify.TypeNames;
import maze.memory.MemoryView;

/**
 * The text of {@code maze refs}: the block holding an address, its set, who points into it (blocks
 * and roots, with the offsets of the words), what it points to, and one shortest path from a root.
 */
public final class RefsReport {
    private static final int MAX_SHOWN = 50;

    private final ReachSets sets;
    private final TypeNames names;
    private final MemoryView memory;
    private final RootNames roots;
    private final BlockTable blocks;

    public RefsReport(ReachSets sets, TypeNames names, MemoryView memory, RootNames roots) {
        this.sets = sets;
        this.names = names;
        this.memory = memory;
        this.roots = roots;
        this.blocks = sets.graph().blocks();
    }

    /** False (nothing written) when no live block holds {@code address}. */
    public boolean write(long address, PrintWriter out) {
        int b = blocks.indexOf(address);
        if (b < 0) {
            return false;
        }
        out.printf("Block %s: %s%n", block(b), ReachSets.name(sets.set(b)));
        if (address != blocks.start(b)) {
            out.printf("0x%x is at offset +0x%x in it%n", address, address - blocks.start(b));
        }
        incoming(b, out);
        outgoing(b, out);
        path(b, out);
        return true;
    }

    private String block(int b) {
        return String.format("0x%x (%s, %d bytes)", blocks.start(b), names.name(blocks.type(b)), blocks.size(b));
    }

    private void incoming(int b, PrintWriter out) {
        RefGraph g = sets.graph();
        int shown = 0;
        int total = 0;
        out.println("Pointed to by:");
        for (int r = 0; r < g.rootCount(); r++) {
            if (g.rootTarget(r) == b) {
                total++;
                if (shown++ < MAX_SHOWN) {
                    out.println("  root  " + roots.describe(r));
                }
            }
        }
        for (int from = 0; from < blocks.count(); from++) {
            for (int e = g.firstEdge(from); e < g.firstEdge(from + 1); e++) {
                if (g.target(e) == b) {
                    total++;
                    if (shown++ < MAX_SHOWN) {
                        out.printf("  block %s at +0x%x%n", block(from), firstWordInto(from, b) - blocks.start(from));
                    }
                    break;
                }
            }
        }
        more(out, total, "referrers");
    }

    private void outgoing(int b, PrintWriter out) {
        out.println("Points to:");
        int total = 0;
        for (long a = (blocks.start(b) + 7) & -8L; a + 8 <= blocks.end(b); a += 8) {
            long w = memory.readLongOr(a, 0);
            int t = blocks.indexOf(w);
            if (t >= 0 && t != b && total++ < MAX_SHOWN) {
                out.printf("  +0x%x -> %s at +0x%x%n", a - blocks.start(b), block(t), w - blocks.start(t));
            }
        }
        more(out, total, "pointers");
    }

    private void path(int b, PrintWriter out) {
        int[] p = sets.pathTo(b);
        if (p.length == 0) {
            out.println("No path from a root: the block is leaked.");
            return;
        }
        out.println("Shortest path from a root:");
        out.println("  root  " + roots.describe(-2 - p[0]));
        for (int i = 1; i < p.length; i++) {
            String via = i == 1 ? "" : String.format(" (word at +0x%x of the block above)",
                    firstWordInto(p[i - 1], p[i]) - blocks.start(p[i - 1]));
            out.printf("  -> %s%s%n", block(p[i]), via);
        }
    }

    /** The address of the first word of block {@code from} pointing into block {@code to}. */
    private long firstWordInto(int from, int to) {
        for (long a = (blocks.start(from) + 7) & -8L; a + 8 <= blocks.end(from); a += 8) {
            if (blocks.indexOf(memory.readLongOr(a, 0)) == to) {
                return a;
            }
        }
        return blocks.start(from);
    }

    private static void more(PrintWriter out, int total, String what) {
        if (total == 0) {
            out.println("  (none)");
        } else if (total > MAX_SHOWN) {
            out.printf("  ... %d more %s%n", total - MAX_SHOWN, what);
        }
    }
}

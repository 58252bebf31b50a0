package maze.graph;

import java.io.PrintWriter;
import maze.classify.TypeNames;
import maze.report.Ranking;
import maze.report.Sizes;
import maze.report.TextReport;
import maze.report.TypeAggregator;

/** The text of {@code maze leaks}: the three sets' totals, the leaked blocks by type, and the roots. */
public final class LeakReport {
    private final ReachSets sets;
    private final TypeNames names;
    private final TextReport table;

    public LeakReport(ReachSets sets, TypeNames names, boolean human) {
        this.sets = sets;
        this.names = names;
        this.table = new TextReport(human);
    }

    /** {@code graphMillis}: the time roots, scan and sets took after the heap walk. */
    public void write(PrintWriter out, int top, long graphMillis) {
        TypeAggregator[] by = {new TypeAggregator(), new TypeAggregator(), new TypeAggregator()};
        BlockTable b = sets.graph().blocks();
        TypeAggregator leaked = new TypeAggregator();
        for (int i = 0; i < b.count(); i++) {
            byte set = sets.set(i);
            long type = b.type(i);
            by[set].block(b.start(i), b.size(i), 0, type);
            if (set != ReachSets.ANCHORED) {
                leaked.block(b.start(i), b.size(i), 0, type);
            }
        }
        line(out, "anchored", by[ReachSets.ANCHORED], "reachable from a root");
        line(out, "leaked", leaked, "reachable from no root");
        line(out, "unreferenced", by[ReachSets.UNREFERENCED], "leaked, and no other leaked block points to them");
        if (b.metadataCount() > 0) {
            out.printf("%-13s %10d blocks %15d bytes (%s)  %s%n", "metadata:", b.metadataCount(), b.metadataBytes(),
                    Sizes.human(b.metadataBytes()), "the allocator's own bookkeeping: in no set");
        }
        section(out, "Leaked by type", leaked, top);
        section(out, "Unreferenced by type (the heads of leaked structures)", by[ReachSets.UNREFERENCED], top);
        roots(out, graphMillis);
    }

    private void line(PrintWriter out, String set, TypeAggregator a, String meaning) {
        out.printf("%-13s %10d blocks %15d bytes (%s)  %s%n", set + ":", a.liveBlocks(), a.liveBytes(),
                Sizes.human(a.liveBytes()), meaning);
    }

    private void section(PrintWriter out, String title, TypeAggregator a, int top) {
        if (a.liveBlocks() == 0) {
            return;
        }
        out.println();
        out.println(title + ":");
        Ranking r = a.ranking(names, top);
        table.writeTable(r, out);
    }

    private void roots(PrintWriter out, long graphMillis) {
        RefGraph g = sets.graph();
        RootRegions reg = g.regions();
        long[] refs = new long[RootKind.values().length];
        for (int r = 0; r < g.rootCount(); r++) {
            refs[reg.areas().get(g.rootArea(r)).kind().ordinal()]++;
        }
        long[] bytes = new long[RootKind.values().length];
        for (int i = 0; i < reg.count(); i++) {
            bytes[reg.areas().get(reg.areaOfRange(i)).kind().ordinal()] += reg.end(i) - reg.start(i);
        }
        out.println();
        out.printf("Graph:        %d blocks, %d references between them, %d root references; %d ms after the heap walk%n",
                g.blocks().count(), g.edgeCount(), g.rootCount(), graphMillis);
        out.println("Roots:");
        for (RootKind k : RootKind.values()) {
            String scanned = k == RootKind.REGISTER ? "" : ", " + bytes[k.ordinal()] + " bytes scanned";
            out.printf("  - %s: %d references%s%n", k.label, refs[k.ordinal()], scanned);
        }
        if (reg.excludedBytes() > 0) {
            out.printf("Not roots:    %d bytes of the allocator's own metadata (its words name blocks for its own sake)%n",
                    reg.excludedBytes());
        }
    }
}

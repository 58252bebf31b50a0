package maze.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import maze.graph.BlockTable;
import maze.graph.Dominators;
import maze.graph.ReachSets;
import maze.graph.RefGraph;
import maze.graph.RootArea;
import maze.graph.RootKind;
import maze.graph.RootNames;
import maze.graph.RootRegions;
import maze.graph.SymbolNames;
import org.junit.jupiter.api.Test;

/** What holds the new blocks, on a hand-made graph whose dominator tree is known. */
class NewByRootTest {
    private static final int BLOCKS = 9;

    private static long address(int block) {
        return 0x10000 + 0x1000L * block;
    }

    private static long size(int block) {
        return 16L << block;
    }

    @Test
    void eachNewBlockGoesToTheRootAtTheTopOfItsBranch() {
        // module data -> 0 -> 1 -> 2; stack -> 3 -> 4; 0 and 3 -> 5; 6 <-> 7 a leaked cycle;
        // module data and stack -> 8
        int[][] edges = {{1, 5}, {2}, {}, {4, 5}, {}, {}, {7}, {6}, {}};
        BlockTable.Builder b = new BlockTable.Builder();
        for (int i = 0; i < BLOCKS; i++) {
            b.block(address(i), size(i), 0, size(i));
        }
        int[] first = new int[BLOCKS + 1];
        int[] targets = new int[java.util.Arrays.stream(edges).mapToInt(e -> e.length).sum()];
        int k = 0;
        for (int i = 0; i < BLOCKS; i++) {
            first[i] = k;
            for (int t : edges[i]) {
                targets[k++] = t;
            }
        }
        first[BLOCKS] = k;
        RootRegions.Builder r = new RootRegions.Builder();
        int data = r.area(new RootArea(RootKind.MODULE_DATA, "/app", "/app", -1));
        int stack = r.area(new RootArea(RootKind.STACK, "thread 1 (LWP 7)", null, 0));
        RefGraph g = RefGraph.of(b.build(), first, targets, r.build(), new long[] {0x9000, 0x9008, 0x7000, 0x7008},
                new int[] {data, stack, data, stack}, new int[] {0, 3, 8, 8});
        ReachSets sets = ReachSets.of(g);
        NewBlocks added = new NewBlocks();
        added.added(0x5, 10, 10); // not a block of the graph
        added.added(address(2), size(2), 0);
        added.added(address(4), size(4), 0);
        added.reused(address(5), 8, 8, size(5), 0);
        added.added(address(7), size(7), 0);
        added.added(address(8), size(8), 0);
        List<NewByRoot.Row> rows = NewByRoot.attribute(added, sets, Dominators.of(sets),
                new RootNames(g, new SymbolNames(List.of()), List.of()));
        assertEquals(List.of(
                new NewByRoot.Row(NewByRoot.SHARED, 1, size(8), 1, size(5)),
                new NewByRoot.Row(NewByRoot.LEAKED, 1, size(7), 0, 0),
                new NewByRoot.Row("stack of thread 1 (LWP 7)", 1, size(4), 0, 0),
                new NewByRoot.Row("module data of /app", 1, size(2), 0, 0),
                new NewByRoot.Row(NewByRoot.NOT_IN_GRAPH, 1, 10, 0, 0)), rows);
    }
}

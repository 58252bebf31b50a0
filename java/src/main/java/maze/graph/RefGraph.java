package maze.graph;

/**
 * The references between live blocks and from roots, in primitive arrays. Edges are in CSR form:
 * the blocks block {@code b} points into are {@code target(k)} for k in
 * [{@code firstEdge(b)}, {@code firstEdge(b + 1)}). A root reference is a word (or register) of a
 * root area holding a pointer into a block: {@code rootWhere} is the word's address (a register's
 * number for registers), {@code rootArea} its area, {@code rootTarget} the block. A block's
 * pointers into itself are not edges: they keep nothing else alive. The targets array may be longer
 * than the edge count (the builder's own array, not copied to trim it).
 */
public final class RefGraph {
    private final BlockTable blocks;
    private final int[] firstEdge;
    private final int[] targets;
    private final RootRegions regions;
    private final long[] rootWhere;
    private final int[] rootArea;
    private final int[] rootTarget;

    RefGraph(BlockTable blocks, int[] firstEdge, int[] targets, RootRegions regions, long[] rootWhere,
             int[] rootArea, int[] rootTarget) {
        this.blocks = blocks;
        this.firstEdge = firstEdge;
        this.targets = targets;
        this.regions = regions;
        this.rootWhere = rootWhere;
        this.rootArea = rootArea;
        this.rootTarget = rootTarget;
    }

    public BlockTable blocks() {
        return blocks;
    }

    public RootRegions regions() {
        return regions;
    }

    public int edgeCount() {
        return firstEdge[blocks.count()];
    }

    public int firstEdge(int block) {
        return firstEdge[block];
    }

    public int target(int edge) {
        return targets[edge];
    }

    public int rootCount() {
        return rootTarget.length;
    }

    public long rootWhere(int root) {
        return rootWhere[root];
    }

    public int rootArea(int root) {
        return rootArea[root];
    }

    public int rootTarget(int root) {
        return rootTarget[root];
    }

    /** For tests and builders: a graph from ready arrays. */
    public static RefGraph of(BlockTable blocks, int[] firstEdge, int[] targets, RootRegions regions,
                              long[] rootWhere, int[] rootArea, int[] rootTarget) {
        if (firstEdge.length != blocks.count() + 1 || firstEdge[blocks.count()] != targets.length) {
            throw new IllegalArgumentException("firstEdge must have one entry per block and end at the edge count");
        }
        return new RefGraph(blocks, firstEdge, targets, regions, rootWhere, rootArea, rootTarget);
    }
}

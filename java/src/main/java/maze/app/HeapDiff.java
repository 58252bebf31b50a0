package maze.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import maze.classify.TypeNames;
import maze.classify.TypedBlockSink;
import maze.core.CoreOptions;
import maze.core.CoreReader;
import maze.diff.BlockChanges;
import maze.diff.BlockTable;
import maze.diff.CoreSnapshot;
import maze.diff.DiffResult;
import maze.diff.MergeJoin;
import maze.diff.NewBlocks;
import maze.diff.ProcessIdentity;
import maze.diff.SharedTypes;
import maze.diff.StepCounts;
import maze.diff.TypeSeries;
import maze.pack.BundleExtractor;

/**
 * Compares cores of one process, given one at a time in time order. Each core's blocks are merged
 * against the previous core's table as they stream from the walk; only the previous core's blocks
 * are kept (primitive arrays), and only while a later core still needs them.
 */
public final class HeapDiff {
    private final boolean byTypeOnly;
    private final BiFunction<Integer, TypeNames, BlockChanges> listing;
    private final SharedTypes types = new SharedTypes();
    private final List<CoreSnapshot> cores = new ArrayList<>();
    private final List<StepCounts> steps = new ArrayList<>();
    private ProcessIdentity first;
    private BlockTable previous;
    private NewBlocks lastNew;
    private boolean keepNew;

    /**
     * {@code listing} (null: none) is called for every step (the index of its earlier core) once
     * the later core's types are known, and what it gives hears of every block change of the step.
     */
    public HeapDiff(boolean byTypeOnly, BiFunction<Integer, TypeNames, BlockChanges> listing) {
        this.byTypeOnly = byTypeOnly;
        this.listing = listing;
    }

    /** Keeps the addresses allocated between the last two cores, for {@link #lastNew()}. */
    public void keepNewBlocks() {
        keepNew = true;
    }

    /** The new and reused blocks of the last step (after the last core's walk), or null. */
    public NewBlocks lastNew() {
        return lastNew;
    }

    /**
     * Checks the plain cores among {@code cores} (bundles are checked when opened) before any walk,
     * so a core of another process is refused before hours of work on the others.
     */
    public void precheck(List<Path> cores, Path sysroot) throws IOException {
        if (byTypeOnly) {
            return;
        }
        ProcessIdentity earliest = null;
        for (Path core : cores) {
            if (BundleExtractor.isBundle(core)) {
                continue;
            }
            ProcessIdentity id = ProcessIdentity.of(CoreReader.read(core, new CoreOptions(null, sysroot)));
            if (earliest == null) {
                earliest = id;
            } else {
                refuseUnlessSame(core.toString(), earliest, id);
            }
        }
    }

    /** Refused (before its walk) when {@code analysis} is not a core of the first core's process. */
    public void check(String label, Analysis analysis) {
        ProcessIdentity id = ProcessIdentity.of(analysis.core());
        if (first == null) {
            first = id;
            return;
        }
        if (!byTypeOnly) {
            refuseUnlessSame(label, first, id);
        }
    }

    private static void refuseUnlessSame(String label, ProcessIdentity earlier, ProcessIdentity id) {
        String why = earlier.differs(id);
        if (why != null) {
            throw new DiffRefusedException(label + " is not a core of the same process as the first: " + why
                    + "; blocks can only be matched within one process (--by-type-only compares types alone)");
        }
    }

    /** Walks one more core; {@code more}: another core follows, so this one's blocks are kept. */
    public void add(String label, Analysis analysis, boolean more) {
        check(label, analysis);
        BlockTable table = !byTypeOnly && more ? new BlockTable() : null;
        StepCounts step = previous == null ? null : new StepCounts();
        MergeJoin[] join = new MergeJoin[1];
        AnalysisResult r = analysis.run(names -> {
            int[] map = types.translation(names);
            if (step != null) {
                BlockChanges sink = listing == null ? step : both(step, listing.apply(steps.size(), types.names()));
                if (keepNew && !more) {
                    lastNew = new NewBlocks();
                    sink = both(sink, lastNew);
                }
                join[0] = new MergeJoin(previous, sink);
            }
            return keyed(map, join[0], table);
        });
        if (join[0] != null) {
            join[0].finish();
            steps.add(step);
        }
        previous = table;
        cores.add(new CoreSnapshot(label, analysis.core().pid(), ProcessIdentity.of(analysis.core()).executable(),
                r.aggregate().rows(r.names()), r.summary()));
    }

    private static TypedBlockSink keyed(int[] map, MergeJoin join, BlockTable table) {
        return (address, size, flags, localKey) -> {
            long key = SharedTypes.shared(map, localKey);
            if (join != null) {
                join.block(address, size, key);
            }
            if (table != null) {
                table.add(address, size, key);
            }
        };
    }

    private static BlockChanges both(BlockChanges a, BlockChanges b) {
        return new BlockChanges() {
            @Override
            public void survivor(long address, long size, long key) {
                a.survivor(address, size, key);
                b.survivor(address, size, key);
            }

            @Override
            public void added(long address, long size, long key) {
                a.added(address, size, key);
                b.added(address, size, key);
            }

            @Override
            public void gone(long address, long size, long key) {
                a.gone(address, size, key);
                b.gone(address, size, key);
            }

            @Override
            public void reused(long address, long wasSize, long wasKey, long size, long key) {
                a.reused(address, wasSize, wasKey, size, key);
                b.reused(address, wasSize, wasKey, size, key);
            }
        };
    }

    public DiffResult result() {
        return new DiffResult(cores, steps, TypeSeries.of(cores), byTypeOnly);
    }
}

package maze.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * What a diff found: the cores in the order given, the block changes between each core and the
 * next (empty with by-type-only), and every type's series sorted by growth.
 */
public record DiffResult(List<CoreSnapshot> cores, List<StepCounts> steps, List<TypeSeries> types,
                         boolean byTypeOnly, NewByRoot byRoot) {
    public DiffResult {
        cores = List.copyOf(cores);
        steps = List.copyOf(steps);
        types = List.copyOf(types);
    }

    /** Without {@code --retained}: no attribution of the new blocks to roots. */
    public DiffResult(List<CoreSnapshot> cores, List<StepCounts> steps, List<TypeSeries> types, boolean byTypeOnly) {
        this(cores, steps, types, byTypeOnly, null);
    }

    public DiffResult withRoots(NewByRoot roots) {
        return new DiffResult(cores, steps, types, byTypeOnly, roots);
    }

    /** Any core's result may be missing blocks, so the changes may be too. */
    public boolean partial() {
        return cores.stream().anyMatch(c -> c.summary().partial()) || (byRoot != null && byRoot.partial());
    }

    /** Every core's warnings, each prefixed with the core's name. */
    public List<String> warnings() {
        List<String> all = new ArrayList<>();
        for (CoreSnapshot c : cores) {
            c.summary().warnings().forEach(w -> all.add(c.label() + ": " + w));
        }
        if (byRoot != null) {
            String label = cores.get(byRoot.core()).label();
            byRoot.warnings().forEach(w -> all.add(label + " (reference graph): " + w));
        }
        return all;
    }
}

package maze.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import maze.core.Module;
import maze.gdb.GdbException;
import maze.heap.BlockCursor;
import maze.heap.BlockSink;
import maze.heap.Coverage;
import maze.heap.CursorMerge;
import maze.heap.Detection;
import maze.heap.HeapContext;
import maze.heap.HeapSummary;
import maze.heap.OwnedMemory;
import maze.heap.Version;
import maze.layout.LayoutException;

/**
 * Walks every walkable allocator of one process at once (each on its own thread behind its
 * cursor), merges their blocks in address order, and records the coverage: what was walked, what
 * was not and why. Whatever was not walked is also a warning, so the result says it is partial.
 */
final class Walks {
    private final HeapContext ctx;
    private final Allocators allocators;
    private final List<Coverage> coverage = new ArrayList<>();
    private final Map<Coverage, Map<String, Object>> facts = new HashMap<>();
    private final Map<Coverage, OwnedMemory> owned = new LinkedHashMap<>();
    private final List<OwnedMemory.Range> metadata = new ArrayList<>();

    Walks(HeapContext ctx, Allocators allocators) {
        this.ctx = ctx;
        this.allocators = allocators;
    }

    /** One allocator's cursor, counting what it gives for the coverage. */
    private static final class Counted implements BlockCursor {
        final Allocators.Found<?> found;
        final BlockCursor cursor;
        long blocks;
        long bytes;
        RuntimeException failure;

        Counted(Allocators.Found<?> found, BlockCursor cursor) {
            this.found = found;
            this.cursor = cursor;
        }

        @Override
        public boolean next() {
            if (!cursor.next()) {
                return false;
            }
            blocks++;
            bytes += cursor.size();
            return true;
        }

        @Override
        public long address() {
            return cursor.address();
        }

        @Override
        public long size() {
            return cursor.size();
        }

        @Override
        public int flags() {
            return cursor.flags();
        }

        @Override
        public HeapSummary summary() {
            return cursor.summary();
        }

        @Override
        public void close() {
            cursor.close();
        }
    }

    /** Pumps every block into {@code sink}; gives the coverage, one entry per allocator found. */
    List<Coverage> run(BlockSink sink) {
        List<Counted> walks = start();
        try {
            CursorMerge.merge(List.copyOf(walks), sink, (i, e) -> fail(walks.get(i), e));
        } finally {
            walks.forEach(Counted::close);
        }
        walks.forEach(this::record);
        allocators.unknownServer().ifPresent(this::unknownServer);
        Module exe = ctx.core().executable();
        if (exe != null && exe.localFile() == null) {
            ctx.warnings().note("%s is not here: whether the program defines a malloc of its own is unknown"
                    + " (pass --exe)", exe.path());
        }
        throwIfNothingWalked(walks);
        return coverage;
    }

    /** The walker's facts for the allocators named in the summary: flat for one, by name for several. */
    Map<String, Object> facts(List<Coverage> shown) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Coverage c : shown) {
            Map<String, Object> f = facts.getOrDefault(c, Map.of());
            if (shown.size() == 1) {
                out.putAll(f);
            } else {
                out.put(c.allocator(), f);
            }
        }
        return out;
    }

    private List<Counted> start() {
        List<Counted> walks = new ArrayList<>();
        for (Allocators.Found<?> f : allocators.found) {
            Detection<?> d = f.detection();
            if (!d.walkable()) {
                ctx.warnings().add("%s not walked: %s", d.describe(), d.notWalkable());
                coverage.add(coverage(d, d.version(), d.notWalkable(), 0, 0));
                continue;
            }
            walks.add(new Counted(f, f.walk(ctx)));
        }
        return walks;
    }

    private void fail(Counted w, RuntimeException e) {
        if (!(e instanceof LayoutException || e instanceof GdbException)) {
            throw e;
        }
        w.failure = e;
    }

    private void record(Counted w) {
        Detection<?> d = w.found.detection();
        if (w.failure != null) {
            ctx.warnings().add("%s not walked: %s", d.describe(), w.failure.getMessage());
            coverage.add(coverage(d, d.version(), w.failure.getMessage(), w.blocks, w.bytes));
            return;
        }
        HeapSummary s = w.cursor.summary();
        Version v = s.version() != null && s.version().known() ? s.version() : d.version();
        Coverage c = coverage(d, v, null, w.blocks, w.bytes);
        coverage.add(c);
        facts.put(c, s.facts());
        if (s.owned() != null) {
            owned.put(c, s.owned());
        }
        metadata.addAll(s.metadata());
    }

    /** The memory each walked allocator says it owns, for those whose walker can tell. */
    Map<Coverage, OwnedMemory> owned() {
        return owned;
    }

    /** Every walked allocator's own bookkeeping outside its blocks (never a root of the reference graph). */
    List<OwnedMemory.Range> metadata() {
        return metadata;
    }

    private Coverage coverage(Detection<?> d, Version v, String notWalked, long blocks, long bytes) {
        return new Coverage(d.allocator(), v, d.module().path(), d.evidence(), allocators.servesMalloc(d), notWalked,
                blocks, bytes);
    }

    private void unknownServer(Module m) {
        String why = "it exports malloc, and no allocator maze knows was found in it";
        ctx.warnings().add("malloc is served by %s, an allocator maze does not know: its blocks are not listed",
                m.path());
        coverage.add(new Coverage("unknown allocator", Version.unknown(null), m.path(), "exports malloc", true, why,
                0, 0));
    }

    /** Layouts or gdb missing for every allocator there was to walk: the error itself, not an empty result. */
    private void throwIfNothingWalked(List<Counted> walks) {
        boolean anyWalked = coverage.stream().anyMatch(Coverage::walked);
        if (!anyWalked && !walks.isEmpty() && walks.stream().allMatch(w -> w.failure != null)) {
            throw walks.get(0).failure;
        }
    }
}

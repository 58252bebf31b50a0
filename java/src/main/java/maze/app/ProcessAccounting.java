package maze.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import maze.core.CoreModel;
import maze.core.MappedFile;
import maze.core.Segment;
import maze.core.ThreadInfo;
import maze.heap.Coverage;
import maze.heap.OwnedMemory;
import maze.report.MemoryAccounting;

/**
 * Puts every byte of the core's PT_LOAD segments in one category: file-backed (NT_FILE ranges),
 * thread stacks (the anonymous segment holding a thread's stack pointer), malloc live and malloc
 * free and overhead (the ranges the walked allocators own), and other anonymous memory (the rest,
 * its biggest mappings named where known).
 */
final class ProcessAccounting {
    private static final int BIGGEST = 8;

    private final CoreModel core;
    private final Intervals files;
    private final Intervals owned;
    private final List<OwnedMemory.Range> reserved = new ArrayList<>();
    private final List<OwnedMemory.Range> ownedRanges = new ArrayList<>();
    private final List<String> unsplit = new ArrayList<>();

    private ProcessAccounting(CoreModel core, Map<Coverage, OwnedMemory> allocators) {
        this.core = core;
        this.files = Intervals.of(core.files().stream().map(f -> new long[] {f.start(), f.end()}).toList());
        List<long[]> ranges = new ArrayList<>();
        for (OwnedMemory o : allocators.values()) {
            o.owned().forEach(r -> ranges.add(new long[] {r.start(), r.end()}));
            reserved.addAll(o.reserved());
            ownedRanges.addAll(o.owned());
        }
        this.owned = Intervals.of(ranges);
    }

    static MemoryAccounting of(CoreModel core, List<Coverage> coverage, Map<Coverage, OwnedMemory> allocators) {
        ProcessAccounting a = new ProcessAccounting(core, allocators);
        coverage.stream().filter(c -> !allocators.containsKey(c) && unsplit(c)).forEach(c -> a.unsplit.add(c.allocator()));
        return a.account(coverage, allocators);
    }

    /** A walked allocator with live blocks whose walker does not say which memory it owns. */
    private static boolean unsplit(Coverage c) {
        return c.walked() && c.bytes() > 0;
    }

    private MemoryAccounting account(List<Coverage> coverage, Map<Coverage, OwnedMemory> allocators) {
        List<Segment> segments = core.segments().stream()
                .sorted(Comparator.comparing(Segment::vaddr, Long::compareUnsigned)).toList();
        Set<Integer> stacks = stackSegments(segments);
        long total = 0;
        long fileBytes = 0;
        long stackBytes = 0;
        long mallocBytes = 0;
        List<MemoryAccounting.Mapping> other = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            total += s.memSize();
            long file = files.overlap(s.vaddr(), s.end());
            fileBytes += file;
            if (stacks.contains(i)) {
                stackBytes += s.memSize() - file;
                continue;
            }
            long malloc = owned.overlap(s.vaddr(), s.end()) - files.overlapOfBoth(owned, s.vaddr(), s.end());
            mallocBytes += malloc;
            long rest = s.memSize() - file - malloc;
            if (rest > 0) {
                other.add(new MemoryAccounting.Mapping(s.vaddr(), s.end(), rest, what(s, malloc, segments, stacks, i)));
            }
        }
        long live = coverage.stream().filter(allocators::containsKey).mapToLong(Coverage::bytes).sum();
        List<String> notes = new ArrayList<>();
        coverage.stream().filter(c -> !allocators.containsKey(c) && unsplit(c)).forEach(c -> notes.add(String.format(
                "%s: not split (its walker does not say which memory it owns): its %d live bytes are inside other"
                        + " anonymous memory", c.allocator(), c.bytes())));
        notes.addAll(notes(segments, stacks));
        return build(total, segments.size(), fileBytes, stackBytes, mallocBytes, live, other, notes, allocators);
    }

    private MemoryAccounting build(long total, int segments, long file, long stacks, long malloc, long live,
                                   List<MemoryAccounting.Mapping> other, List<String> notes,
                                   Map<Coverage, OwnedMemory> allocators) {
        long liveShown = Math.min(live, malloc);
        if (liveShown < live) {
            notes.add(String.format("the allocators report %d live bytes but own only %d bytes in the core's segments",
                    live, malloc));
        }
        long otherBytes = other.stream().mapToLong(MemoryAccounting.Mapping::bytes).sum();
        List<MemoryAccounting.Category> categories = List.of(
                new MemoryAccounting.Category(MemoryAccounting.MALLOC_LIVE, "malloc live", liveShown),
                new MemoryAccounting.Category(MemoryAccounting.MALLOC_FREE, "malloc free and overhead", malloc - liveShown),
                new MemoryAccounting.Category(MemoryAccounting.OTHER_ANONYMOUS, "other anonymous", otherBytes),
                new MemoryAccounting.Category(MemoryAccounting.THREAD_STACKS, "thread stacks", stacks),
                new MemoryAccounting.Category(MemoryAccounting.FILE_BACKED, "file-backed", file));
        List<MemoryAccounting.Mapping> biggest = other.stream()
                .sorted(Comparator.comparingLong(MemoryAccounting.Mapping::bytes).reversed()).limit(BIGGEST).toList();
        List<MemoryAccounting.Space> spaces = new ArrayList<>();
        allocators.forEach((c, o) -> {
            // glibc beside a preloaded allocator often never set up an arena: nothing to show
            if (o.space() != null && (o.space().systemBytes() > 0 || o.space().mmappedBlocks() > 0)) {
                spaces.add(new MemoryAccounting.Space(c.allocator(), o.space()));
            }
        });
        return new MemoryAccounting(total, segments, categories, biggest, notes, spaces);
    }

    /** The indexes of the segments holding a thread's stack pointer (file-backed ones are not stacks). */
    private Set<Integer> stackSegments(List<Segment> segments) {
        Set<Integer> out = new HashSet<>();
        for (ThreadInfo t : core.threads()) {
            int i = segmentAt(segments, t.rsp());
            // a stack inside a file or inside memory malloc owns (a coroutine's) stays counted there
            if (i >= 0 && !out.contains(i) && files.overlap(segments.get(i).vaddr(), segments.get(i).end()) == 0
                    && owned.overlap(segments.get(i).vaddr(), segments.get(i).end()) == 0) {
                out.add(i);
            }
        }
        return out;
    }

    private List<String> notes(List<Segment> segments, Set<Integer> stacks) {
        List<String> out = new ArrayList<>();
        long lost = core.threads().stream().filter(t -> segmentAt(segments, t.rsp()) < 0).count();
        if (lost > 0) {
            out.add(String.format("%d of %d threads have a stack pointer in no segment of the core: their stacks are"
                    + " counted as other anonymous memory", lost, core.threads().size()));
        }
        Intervals segs = Intervals.of(segments.stream().map(s -> new long[] {s.vaddr(), s.end()}).toList());
        long outside = 0;
        for (MappedFile f : core.files()) {
            outside += f.end() - f.start() - segs.overlap(f.start(), f.end());
        }
        if (outside > 0) {
            out.add(String.format("%d bytes of mapped files have no segment in the core (gcore leaves out file-backed"
                    + " text): they are not in the total", outside));
        }
        return out;
    }

    /** What an other-anonymous segment is, where maze can tell. */
    private String what(Segment s, long malloc, List<Segment> segments, Set<Integer> stacks, int index) {
        for (OwnedMemory.Range r : reserved) {
            if (overlaps(r, s)) {
                return r.what();
            }
        }
        for (OwnedMemory.Range r : ownedRanges) {
            if (malloc > 0 && overlaps(r, s)) {
                return "beside " + r.what() + " in one mapping, not counted by it";
            }
        }
        MemoryMap.Kind kind = MemoryMap.kind(s, core, null);
        boolean noAccess = kind == MemoryMap.Kind.RESERVED || kind == MemoryMap.Kind.PROBABLY_RESERVED;
        if (noAccess && index + 1 < segments.size() && stacks.contains(index + 1)
                && segments.get(index + 1).vaddr() == s.end()) {
            return "guard page of a thread stack";
        }
        if (noAccess) {
            return "no access (" + kind.label + "): a guard or a reservation";
        }
        String after = fileEndingAt(s.vaddr());
        if (after != null) {
            return "zero-filled data right after " + after + " (its .bss, most likely)";
        }
        return unsplit.isEmpty() ? "anonymous, no allocator maze walked owns it (the program's or a runtime's own mmap)"
                : "anonymous: the program's or a runtime's own mmap, or memory of " + String.join(" or ", unsplit)
                + " (not split)";
    }

    /** The path of the mapped file whose mapping ends exactly at {@code address}, or null. */
    private String fileEndingAt(long address) {
        for (MappedFile f : core.files()) {
            if (f.end() == address) {
                return f.path();
            }
        }
        return null;
    }

    private static boolean overlaps(OwnedMemory.Range r, Segment s) {
        return Long.compareUnsigned(r.start(), s.end()) < 0 && Long.compareUnsigned(s.vaddr(), r.end()) < 0;
    }

    private static int segmentAt(List<Segment> sorted, long address) {
        int lo = 0;
        int hi = sorted.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Segment s = sorted.get(mid);
            if (Long.compareUnsigned(address, s.vaddr()) < 0) {
                hi = mid - 1;
            } else if (Long.compareUnsigned(address, s.end()) >= 0) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}

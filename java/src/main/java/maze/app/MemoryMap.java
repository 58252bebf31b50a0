package maze.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import maze.core.CoreModel;
import maze.core.MappedFile;
import maze.core.Segment;
import maze.memory.HeldBytes;

/**
 * The process's address space as the core describes it: which ranges it holds, which it omits
 * (file-backed ranges with no or partial segment data: read them from the module file), which are
 * reservations without permissions, and which a truncated core lost.
 */
public final class MemoryMap {
    /** How much of a range the core holds. */
    public enum Kind {
        IN_CORE("in core"), PARTIAL("partly in core"), OMITTED("not in core"), RESERVED("reserved, no access"),
        PROBABLY_RESERVED("zeros, likely PROT_NONE"), TRUNCATED("lost (core truncated)");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One range; {@code file} is the NT_FILE path mapped there, or null; flags null when unknown. */
    public record Region(long start, long end, String flags, Kind kind, String file) {
    }

    private MemoryMap() {
    }

    /*
     * Segments and files are each sorted once and searched by halves: a process may have tens of
     * thousands of mappings, and pairing every file with every segment was quadratic.
     */
    public static List<Region> of(CoreModel core) {
        List<Segment> segments = core.segments().stream()
                .sorted(Comparator.comparing(Segment::vaddr, Long::compareUnsigned)).toList();
        List<MappedFile> files = core.files().stream()
                .sorted(Comparator.comparing(MappedFile::start, Long::compareUnsigned)).toList();
        List<Region> list = new ArrayList<>();
        for (Segment s : segments) {
            String file = fileAt(files, s.vaddr());
            list.add(new Region(s.vaddr(), s.end(), flags(s.flags()), kind(s, core, file), file));
        }
        for (MappedFile f : files) {
            addGaps(list, f, segments);
        }
        list.sort(Comparator.comparing(Region::start, Long::compareUnsigned));
        return list;
    }

    static Kind kind(Segment s, CoreModel core, String file) {
        if ((s.flags() & (Segment.PF_R | Segment.PF_W | Segment.PF_X)) == 0) {
            return Kind.RESERVED;
        }
        // HeldBytes: a corrupt offset near 2^63 would overflow offset + size into "fits"
        if (HeldBytes.truncated(s, core.fileSize())) {
            return Kind.TRUNCATED;
        }
        if (s.fileSize() == 0) {
            return Kind.OMITTED;
        }
        if (s.fileSize() < s.memSize()) {
            return Kind.PARTIAL;
        }
        // gdb sets PF_R on every segment it writes, so PROT_NONE guard pages and arena reservations
        // come out as read-only anonymous memory full of zeros, which programs hardly ever map
        boolean gcoreNoAccess = !core.kernel() && s.flags() == Segment.PF_R && file == null;
        return gcoreNoAccess ? Kind.PROBABLY_RESERVED : Kind.IN_CORE;
    }

    /** gcore writes no segment at all for file-backed text: those parts of NT_FILE ranges are omitted. */
    private static void addGaps(List<Region> out, MappedFile f, List<Segment> sorted) {
        long at = f.start();
        // segments are disjoint, so sorted by start they are sorted by end too
        int first = firstEndingAfter(sorted, f.start());
        for (int i = first; i < sorted.size() && Long.compareUnsigned(sorted.get(i).vaddr(), f.end()) < 0; i++) {
            Segment s = sorted.get(i);
            if (Long.compareUnsigned(s.vaddr(), at) > 0) {
                out.add(new Region(at, s.vaddr(), null, Kind.OMITTED, f.path()));
            }
            at = Long.compareUnsigned(s.end(), at) > 0 ? s.end() : at;
        }
        if (Long.compareUnsigned(at, f.end()) < 0) {
            out.add(new Region(at, f.end(), null, Kind.OMITTED, f.path()));
        }
    }

    /** The index of the first segment ending above address, or size() when none does. */
    private static int firstEndingAfter(List<Segment> sorted, long address) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sorted.get(mid).end(), address) > 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The path of the file mapped at address (files sorted by start, disjoint), or null. */
    private static String fileAt(List<MappedFile> sorted, long address) {
        int lo = 0;
        int hi = sorted.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            MappedFile f = sorted.get(mid);
            if (Long.compareUnsigned(address, f.start()) < 0) {
                hi = mid - 1;
            } else if (Long.compareUnsigned(address, f.end()) >= 0) {
                lo = mid + 1;
            } else {
                return f.path();
            }
        }
        return null;
    }

    static String flags(int f) {
        return ((f & Segment.PF_R) != 0 ? "r" : "-") + ((f & Segment.PF_W) != 0 ? "w" : "-")
                + ((f & Segment.PF_X) != 0 ? "x" : "-");
    }
}

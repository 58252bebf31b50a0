package maze.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import maze.core.CoreModel;
import maze.core.MappedFile;
import maze.core.Segment;

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

    public static List<Region> of(CoreModel core) {
        List<Region> list = new ArrayList<>();
        for (Segment s : core.segments()) {
            String file = fileAt(core, s.vaddr());
            list.add(new Region(s.vaddr(), s.end(), flags(s.flags()), kind(s, core, file), file));
        }
        for (MappedFile f : core.files()) {
            addGaps(list, f, core.segments());
        }
        list.sort(Comparator.comparing(Region::start, Long::compareUnsigned));
        return list;
    }

    static Kind kind(Segment s, CoreModel core, String file) {
        if ((s.flags() & (Segment.PF_R | Segment.PF_W | Segment.PF_X)) == 0) {
            return Kind.RESERVED;
        }
        if (s.fileSize() > 0 && s.fileOffset() + s.fileSize() > core.fileSize()) {
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
    private static void addGaps(List<Region> out, MappedFile f, List<Segment> segments) {
        long at = f.start();
        List<Segment> overlapping = segments.stream()
                .filter(s -> Long.compareUnsigned(s.vaddr(), f.end()) < 0 && Long.compareUnsigned(s.end(), f.start()) > 0)
                .sorted(Comparator.comparing(Segment::vaddr, Long::compareUnsigned)).toList();
        for (Segment s : overlapping) {
            if (Long.compareUnsigned(s.vaddr(), at) > 0) {
                out.add(new Region(at, s.vaddr(), null, Kind.OMITTED, f.path()));
            }
            at = Long.compareUnsigned(s.end(), at) > 0 ? s.end() : at;
        }
        if (Long.compareUnsigned(at, f.end()) < 0) {
            out.add(new Region(at, f.end(), null, Kind.OMITTED, f.path()));
        }
    }

    private static String fileAt(CoreModel core, long address) {
        return core.files().stream().filter(f -> f.contains(address)).map(MappedFile::path).findFirst().orElse(null);
    }

    static String flags(int f) {
        return ((f & Segment.PF_R) != 0 ? "r" : "-") + ((f & Segment.PF_W) != 0 ? "w" : "-")
                + ((f & Segment.PF_X) != 0 ? "x" : "-");
    }
}

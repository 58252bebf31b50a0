package maze.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import maze.app.MemoryMap.Kind;
import maze.app.MemoryMap.Region;
import maze.core.CoreModel;
import maze.core.MappedFile;
import maze.core.Segment;
import org.junit.jupiter.api.Test;

/** What the memory map calls each range: held, partial, omitted, reserved, lost to truncation. */
class MemoryMapTest {
    private static final int R = Segment.PF_R;
    private static final int RW = Segment.PF_R | Segment.PF_W;

    private static CoreModel core(long fileSize, List<Segment> segments, List<MappedFile> files) {
        return core(false, fileSize, segments, files);
    }

    private static CoreModel core(boolean kernel, long fileSize, List<Segment> segments, List<MappedFile> files) {
        return new CoreModel(Path.of("core"), fileSize, kernel, 1, 0, "p", "p", "p", "/p", List.of(), segments, files,
                Map.of(), List.of(), List.of());
    }

    @Test
    void kindsOfSegments() {
        List<Region> map = MemoryMap.of(core(0x10000, List.of(
                new Segment(0x1000, 0x1000, 0x100, 0x1000, RW),
                new Segment(0x2000, 0x3000, 0x1100, 0x1000, R),
                new Segment(0x5000, 0x1000, 0x2100, 0, R),
                new Segment(0x6000, 0x8000, 0x2100, 0, 0),
                new Segment(0xe000, 0x1000, 0xf800, 0x1000, RW)), List.of()));
        assertEquals(List.of(Kind.IN_CORE, Kind.PARTIAL, Kind.OMITTED, Kind.RESERVED, Kind.TRUNCATED),
                map.stream().map(Region::kind).toList());
        assertEquals("rw-", map.get(0).flags());
        assertEquals("---", map.get(3).flags());
    }

    /** gcore writes no segment for file-backed text: the gaps in a mapped file are omitted ranges. */
    @Test
    void mappedFileGapsAreOmitted() {
        List<Region> map = MemoryMap.of(core(0x10000, List.of(
                new Segment(0x1000, 0x1000, 0x100, 0x1000, R),
                new Segment(0x4000, 0x1000, 0x1100, 0x1000, RW)),
                List.of(new MappedFile(0x1000, 0x6000, 0, "/lib/x.so"))));
        assertEquals(List.of(
                new Region(0x1000, 0x2000, "r--", Kind.IN_CORE, "/lib/x.so"),
                new Region(0x2000, 0x4000, null, Kind.OMITTED, "/lib/x.so"),
                new Region(0x4000, 0x5000, "rw-", Kind.IN_CORE, "/lib/x.so"),
                new Region(0x5000, 0x6000, null, Kind.OMITTED, "/lib/x.so")), map);
    }

    @Test
    void readOnlyAnonymousInAGcoreIsProbablyReserved() {
        List<Segment> segs = List.of(new Segment(0x1000, 0x1000, 0x100, 0x1000, R),
                new Segment(0x2000, 0x1000, 0x1100, 0x1000, R));
        List<MappedFile> files = List.of(new MappedFile(0x2000, 0x3000, 0, "/lib/x.so"));
        assertEquals(List.of(Kind.PROBABLY_RESERVED, Kind.IN_CORE),
                MemoryMap.of(core(0x10000, segs, files)).stream().map(Region::kind).toList());
        assertEquals(Kind.IN_CORE, MemoryMap.of(core(true, 0x10000, segs, files)).get(0).kind(), "the kernel writes real flags");
    }

    @Test
    void highAddressesSortUnsigned() {
        List<Region> map = MemoryMap.of(core(0x10000, List.of(
                new Segment(0xffffffffff600000L, 0x1000, 0x100, 0x1000, R),
                new Segment(0x7ffd0000L, 0x1000, 0x1100, 0x1000, RW)), List.of()));
        assertEquals(0x7ffd0000L, map.get(0).start());
    }
}

package maze.nativebind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import maze.core.Segment;
import maze.memory.HeldBytes;
import maze.memory.MappedWindows;

/**
 * A core's segment bytes mapped once by the C helper, shared by the Java reads ({@link #windows},
 * for a CoreMemory) and the native scans ({@link #scanner}): one mapping of the file, nothing
 * before the first segment's page or past the last segment's byte. There is no close: the
 * mapping goes once neither the windows nor a scanner is reachable, so no read can ever touch an
 * unmapped page.
 */
public final class NativeCoreMapping {
    private final NativeCore core;
    private final ScanSpans spans;

    private NativeCoreMapping(NativeCore core, ScanSpans spans) {
        this.core = core;
        this.spans = spans;
    }

    /** Maps the bytes of {@code segments} the file holds ({@code realFileSize}: a truncated core holds fewer). */
    public static NativeCoreMapping open(Path corePath, long realFileSize, List<Segment> segments) throws IOException {
        NativeCore core = map(corePath, realFileSize, segments);
        return new NativeCoreMapping(core, ScanSpans.of(segments, Math.min(realFileSize, core.size())));
    }

    /** The C helper's mapping of the segment bytes [first held offset, end of the last segment). */
    static NativeCore map(Path corePath, long realFileSize, List<Segment> segments) throws IOException {
        long to = Math.min(realFileSize, Segment.bytesEnd(segments));
        long from = to;
        for (Segment s : segments) {
            if (HeldBytes.of(s, realFileSize) > 0) {
                from = Math.min(from, s.fileOffset());
            }
        }
        return NativeCore.open(corePath, from, to);
    }

    /** The segment bytes for Java reads (CoreMemory); they keep the mapping alive. */
    public MappedWindows windows() {
        return core.windows();
    }

    /** A scanner over the same mapping; closing it ends its scans, the mapping stays for the reads. */
    public NativeCoreScanner scanner(int threads) {
        return new NativeCoreScanner(core, spans, Math.max(1, threads), NativeCoreScanner.BATCH, false);
    }
}

package maze.core;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A small reader of the process's memory from the core's PT_LOAD data only (no module files),
 * enough to walk the link_map and read ELF headers the core kept. The full address-space view is
 * maze.memory's job; core must not depend on it.
 */
final class SegmentReader {
    private static final int STRING_CHUNK = 256;

    private final FileBytes bytes;
    private final Segment[] segments;

    SegmentReader(FileBytes bytes, List<Segment> segments) {
        this.bytes = bytes;
        // sorted by unsigned start for a binary search; cores may hold 100k+ segments
        this.segments = segments.stream().sorted((a, b) -> Long.compareUnsigned(a.vaddr(), b.vaddr()))
                .toArray(Segment[]::new);
    }

    /** {@code len} bytes at {@code address} when one segment's file data holds them all, else null. */
    ByteBuffer read(long address, int len) {
        Segment s = segmentAt(address);
        if (s == null || len < 0) {
            return null;
        }
        long rel = address - s.vaddr();
        if (Long.compareUnsigned(rel + len, s.fileSize()) <= 0 && bytes.has(s.fileOffset() + rel, len)) {
            return bytes.read(s.fileOffset() + rel, len, "memory");
        }
        return null;
    }

    /** The segment whose range holds {@code address} (the last one starting at or below it), or null. */
    private Segment segmentAt(long address) {
        int lo = 0;
        int hi = segments.length - 1;
        Segment found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(segments[mid].vaddr(), address) <= 0) {
                found = segments[mid];
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found != null && found.contains(address) ? found : null;
    }

    /** The 8-byte word at {@code address}; throws {@link Missing} when the core lacks it. */
    long word(long address) {
        ByteBuffer b = read(address, 8);
        if (b == null) {
            throw new Missing(address);
        }
        return b.getLong(0);
    }

    /** A NUL-terminated string of at most {@code max} bytes, or null when not all in the core. */
    String cString(long address, int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < max) {
            ByteBuffer b = chunk(address + out.size());
            if (b == null) {
                return null;
            }
            while (b.hasRemaining() && out.size() < max) {
                byte c = b.get();
                if (c == 0) {
                    return out.toString(StandardCharsets.UTF_8);
                }
                out.write(c);
            }
        }
        return null;
    }

    /** Up to STRING_CHUNK bytes at {@code address}, fewer at a segment's end, or null. */
    private ByteBuffer chunk(long address) {
        for (int len = STRING_CHUNK; len > 0; len /= 2) {
            ByteBuffer b = read(address, len);
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    /** An address the core does not hold; callers turn it into a warning. */
    static final class Missing extends RuntimeException {
        Missing(long address) {
            super(String.format("0x%x is not in the core", address));
        }
    }
}

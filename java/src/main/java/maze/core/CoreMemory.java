package maze.core;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A small reader of the process's memory from the core's PT_LOAD data only (no module files),
 * enough to walk the link_map and read ELF headers the core kept. The full address-space view is
 * maze.memory's job; core must not depend on it.
 */
final class CoreMemory {
    private final FileBytes bytes;
    private final List<Segment> segments;

    CoreMemory(FileBytes bytes, List<Segment> segments) {
        this.bytes = bytes;
        this.segments = segments;
    }

    /** {@code len} bytes at {@code address} when one segment's file data holds them all, else null. */
    ByteBuffer read(long address, int len) {
        for (Segment s : segments) {
            long rel = address - s.vaddr();
            if (s.contains(address) && Long.compareUnsigned(rel + len, s.fileSize()) <= 0
                    && bytes.has(s.fileOffset() + rel, len)) {
                return bytes.read(s.fileOffset() + rel, len, "memory");
            }
        }
        return null;
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
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < max; i++) {
            ByteBuffer b = read(address + i, 1);
            if (b == null) {
                return null;
            }
            byte c = b.get(0);
            if (c == 0) {
                return new String(sb.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
            sb.append((char) (c & 0xff));
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

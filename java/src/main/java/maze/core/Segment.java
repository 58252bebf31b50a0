package maze.core;

/**
 * One PT_LOAD program header of the core. {@code fileSize} may be smaller than {@code memSize}
 * (kernel cores) or zero; bytes past fileSize are not in the core. {@code flags} are PF_R/W/X.
 */
public record Segment(long vaddr, long memSize, long fileOffset, long fileSize, int flags) {
    public static final int PF_X = 1;
    public static final int PF_W = 2;
    public static final int PF_R = 4;

    public long end() {
        return vaddr + memSize;
    }

    /**
     * The end of what the core file holds: scans for allocator headers stop here, because a header
     * is never in memory the core left out, and a damaged p_memsz must not make a scan endless.
     */
    public long bytesEnd() {
        return vaddr + (Long.compareUnsigned(fileSize, memSize) < 0 ? fileSize : memSize);
    }

    public boolean contains(long address) {
        return Long.compareUnsigned(address - vaddr, memSize) < 0;
    }

    public boolean writable() {
        return (flags & PF_W) != 0;
    }

    /** Where the last segment's bytes end in the core file (corrupt offsets ignored): nothing past it is read. */
    public static long bytesEnd(java.util.List<Segment> segments) {
        long end = 0;
        for (Segment s : segments) {
            if (s.fileOffset() >= 0 && s.fileSize() > 0 && s.fileOffset() + s.fileSize() > 0) {
                end = Math.max(end, s.fileOffset() + s.fileSize());
            }
        }
        return end;
    }
}

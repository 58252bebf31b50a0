package maze.core;

/** One entry of the dynamic section (d_tag, d_val/d_ptr). */
public record DynamicEntry(long tag, long value) {
    public static final long DT_NULL = 0;
    public static final long DT_NEEDED = 1;
    public static final long DT_STRTAB = 5;
    public static final long DT_SONAME = 14;
    public static final long DT_DEBUG = 21;
    public static final long DT_FLAGS_1 = 0x6ffffffbL;
    /** A DT_FLAGS_1 bit: the object is a position-independent executable (glibc will not dlopen it). */
    public static final long DF_1_PIE = 0x08000000L;
}

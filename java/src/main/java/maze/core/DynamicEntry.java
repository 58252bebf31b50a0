package maze.core;

/** One entry of the dynamic section (d_tag, d_val/d_ptr). */
public record DynamicEntry(long tag, long value) {
    public static final long DT_NULL = 0;
    public static final long DT_NEEDED = 1;
    public static final long DT_STRTAB = 5;
    public static final long DT_SONAME = 14;
    public static final long DT_DEBUG = 21;
}

package maze.cli;

/** maze's documented exit codes (README "Exit codes"). */
public enum ExitCode {
    OK(0, "success"),
    INTERNAL(1, "internal error (a bug: please report it with the stack trace)"),
    USAGE(2, "bad command line, or an output path maze must not write (an input, a device, a folder)"),
    BAD_INPUT(3, "an input file is missing, unreadable or not what it should be, or an output could not be written"),
    NO_LAYOUT(4, "struct layouts or symbols could not be had (no DWARF, no matching debug file)"),
    GDB(5, "gdb failed or is missing"),
    NO_ALLOCATOR(6, "no supported allocator found in the core"),
    PARTIAL(7, "the result is partial: part of the heap was not read or may be wrong (the warnings say which)"),
    READER_GONE(141, "stdout's reader closed it (as with | head): output stopped, quietly");

    /** OK for a complete result, PARTIAL when a warning said part of the heap may be missing. */
    public static ExitCode of(maze.report.ReportSummary summary) {
        return summary.partial() ? PARTIAL : OK;
    }

    public final int code;
    public final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }
}

package maze.gdb.mi;

import java.util.OptionalLong;

/** One line of GDB/MI output. */
public sealed interface MiRecord permits MiResultRecord, MiStreamRecord, MiAsyncRecord, MiPrompt {

    /** The numeric token the command was sent with; empty for stream records and untokened replies. */
    default OptionalLong token() {
        return OptionalLong.empty();
    }
}

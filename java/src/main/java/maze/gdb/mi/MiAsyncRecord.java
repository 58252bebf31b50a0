package maze.gdb.mi;

import java.util.OptionalLong;

/** {@code [token]*class,...} (exec), {@code +class,...} (status), {@code =class,...} (notify). */
public record MiAsyncRecord(OptionalLong token, Kind kind, String asyncClass, MiTuple results) implements MiRecord {

    public enum Kind {
        EXEC('*'), STATUS('+'), NOTIFY('=');

        public final char marker;

        Kind(char marker) {
            this.marker = marker;
        }
    }
}

package maze.gdb.mi;

/** {@code ~"..."} console, {@code @"..."} target, {@code &"..."} log output; text unescaped. */
public record MiStreamRecord(Kind kind, String text) implements MiRecord {

    public enum Kind {
        CONSOLE('~'), TARGET('@'), LOG('&');

        public final char marker;

        Kind(char marker) {
            this.marker = marker;
        }
    }
}

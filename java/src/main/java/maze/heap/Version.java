package maze.heap;

/**
 * An allocator's version as read from the process's files: {@code text} is what people read
 * ("2.36", "2.0.9", "5.3.0-0-g54eaed1d"), {@code source} the evidence that gave it ("mi_version",
 * "__libc_version", "markers"); unknown versions have a null text.
 */
public record Version(String text, String source) {
    public static Version unknown(String source) {
        return new Version(null, source);
    }

    public static Version of(String text, String source) {
        return new Version(text, source);
    }

    public boolean known() {
        return text != null;
    }

    /** "2.0.9 (mi_version)", "2.36", or "?" when unknown. */
    public String describe() {
        String t = text == null ? "?" : text;
        return source == null || source.isEmpty() ? t : t + " (" + source + ")";
    }
}

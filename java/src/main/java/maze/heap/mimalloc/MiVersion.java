package maze.heap.mimalloc;

/**
 * A mimalloc version as read from the binary. {@code generation} (1, 2 or 3) decides the walker;
 * {@code raw} is mi_version()'s value (0 when the function is missing or undecodable) and
 * {@code how} says which evidence gave the answer, for the summary.
 */
public record MiVersion(int generation, int raw, String text, String how) {
    /** In {@code how} when the library has no mi_version export. */
    public static final String NO_VERSION_EXPORT = "no mi_version";

    /**
     * Decodes mi_version()'s number: below 1000 it is major*100+minor*10+patch (2.0.9 is 209); in
     * 3.0.10-3.0.12 and 3.2.x major*1000+minor*100+patch (3.2.8 is 3208); from 1.9.8, 2.3.0 and
     * 3.3.0 on major*10000+minor*100+patch. Every 1.0.x says 100, so that one is reported as "1.0.x".
     */
    public static MiVersion fromRaw(int raw) {
        if (raw >= 10000) {
            return new MiVersion(raw / 10000, raw, raw / 10000 + "." + raw / 100 % 100 + "." + raw % 100, "mi_version");
        }
        if (raw >= 1000) {
            return new MiVersion(raw / 1000, raw, raw / 1000 + "." + raw / 100 % 10 + "." + raw % 100, "mi_version");
        }
        if (raw == 100) {
            return new MiVersion(1, raw, "1.0.x", "mi_version");
        }
        if (raw >= 100 && raw < 1000) {
            return new MiVersion(raw / 100, raw, raw / 100 + "." + raw / 10 % 10 + "." + raw % 10, "mi_version");
        }
        return null;
    }

    /** Only the generation is known (from code or export markers). */
    public static MiVersion generationOnly(int generation, String how) {
        return new MiVersion(generation, 0, generation + ".x", how);
    }

    /** The library exports mi_version (every release from 1.0.2 on). */
    public boolean hasVersionExport() {
        return !how.contains(NO_VERSION_EXPORT);
    }

    /** The text plus the evidence, e.g. "2.0.9 (mi_version)". */
    public String describe() {
        return text + " (" + how + ")";
    }
}

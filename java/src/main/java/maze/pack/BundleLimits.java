package maze.pack;

/**
 * Caps that keep a hostile or broken bundle from filling the disk. The core entry may be as large
 * as its tar header declares (checked against free space); everything else together may add
 * {@code extraTotalBytes} on top of it, each entry at most {@code maxEntryBytes}.
 *
 * @param maxEntryBytes    largest non-core entry (libraries, debug files)
 * @param extraTotalBytes  all non-core entries together
 * @param maxEntries       number of entries
 * @param maxManifestBytes manifest.json, which is read into memory
 */
public record BundleLimits(long maxEntryBytes, long extraTotalBytes, int maxEntries, int maxManifestBytes) {
    private static final long GIB = 1L << 30;

    /** Large debug files reach a few GiB; a process maps a few thousand files at the most. */
    public static final BundleLimits DEFAULT = new BundleLimits(8 * GIB, 32 * GIB, 100_000, 64 << 20);

    /** All the bytes the bundle may write once its core declared {@code coreSize}. */
    public long maxTotal(long coreSize) {
        return coreSize + extraTotalBytes;
    }
}

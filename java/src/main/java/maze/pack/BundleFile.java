package maze.pack;

/**
 * One file inside a bundle: its tar entry name, size in bytes and lowercase hex sha256.
 * The extractor refuses a bundle whose bytes disagree with any of these.
 */
public record BundleFile(String entry, long size, String sha256) {
}

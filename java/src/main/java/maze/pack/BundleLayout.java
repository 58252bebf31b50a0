package maze.pack;

/**
 * Where each file goes inside a bundle (and inside the folder it is extracted to). Writer and
 * extractor share these names so the extracted tree is usable as it stands: {@code sysroot/} is a
 * gdb sysroot, {@code debug/} a gdb debug-file-directory.
 */
public final class BundleLayout {
    public static final String CORE = "core";
    public static final String SYSROOT = "sysroot";
    public static final String DEBUG = "debug";

    private BundleLayout() {
    }

    /** {@code sysroot/usr/lib/libc.so.6} for {@code /usr/lib/libc.so.6}. */
    public static String sysrootEntry(String absolutePath) {
        if (!absolutePath.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + absolutePath);
        }
        return SYSROOT + absolutePath;
    }

    /** {@code debug/.build-id/ab/cdef....debug}: where gdb looks a debug file up by build-id. */
    public static String buildIdDebugEntry(String buildId) {
        if (buildId == null || buildId.length() < 3 || !buildId.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("not a hex build-id: " + buildId);
        }
        return DEBUG + "/.build-id/" + buildId.substring(0, 2) + "/" + buildId.substring(2) + ".debug";
    }

    /** For a module without build-id: gdb's debuglink lookup under a debug directory (DIR/real/dir/NAME). */
    public static String debugLinkEntry(String absolutePath, String debugFileName) {
        String dir = absolutePath.substring(0, absolutePath.lastIndexOf('/') + 1);
        return DEBUG + dir + debugFileName;
    }
}

package maze.pack;

import java.util.Set;

/**
 * Checks a name taken from a bundle (a tar entry or a manifest path) before it may become a path:
 * relative, no {@code .}/{@code ..}/empty components, no control characters, and under one of the
 * folders a bundle has. Returns why it is refused, or null.
 */
final class EntryNames {
    private static final Set<String> TOP = Set.of(BundleLayout.SYSROOT, BundleLayout.DEBUG);
    private static final Set<String> FILES = Set.of(BundleLayout.CORE, Manifest.ENTRY);

    private EntryNames() {
    }

    static String refusal(String name, boolean directory) {
        String n = directory && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (n.isEmpty() || n.startsWith("/")) {
            return "absolute or empty path";
        }
        String bad = componentsRefusal(n);
        if (bad != null) {
            return bad;
        }
        String top = n.contains("/") ? n.substring(0, n.indexOf('/')) : n;
        boolean known = TOP.contains(top) || (!directory && FILES.contains(n));
        return known ? null : "not a place a bundle has (core, manifest.json, sysroot/..., debug/...)";
    }

    /** For a manifest's absolute path (a module's real path or link name). */
    static String absolutePathRefusal(String path) {
        if (path == null || !path.startsWith("/") || path.length() < 2) {
            return "not an absolute path";
        }
        return componentsRefusal(path.substring(1));
    }

    private static String componentsRefusal(String relative) {
        for (String c : relative.split("/", -1)) {
            if (c.isEmpty() || c.equals(".") || c.equals("..")) {
                return "path has an empty, '.' or '..' component";
            }
            if (c.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                return "path has a control character";
            }
        }
        return null;
    }
}

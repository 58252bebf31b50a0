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

    /** Linux's PATH_MAX and NAME_MAX; no packed path is deeper than this many folders. */
    static final int MAX_NAME = 4096;
    static final int MAX_COMPONENT = 255;
    static final int MAX_DEPTH = 128;

    private EntryNames() {
    }

    static String refusal(String name, boolean directory) {
        String n = directory && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        String size = sizeRefusal(n);
        if (size != null) {
            return size;
        }
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
        String size = sizeRefusal(path);
        return size != null ? size : componentsRefusal(path.substring(1));
    }

    /**
     * For a module's link name: the dynamic linker's own spelling, which keeps the '..' and '//'
     * of an RPATH such as $ORIGIN/../lib. Those are fine as long as the name never climbs above
     * the root; the sysroot link is made at its normalized path.
     */
    static String linkNameRefusal(String path) {
        if (path == null || !path.startsWith("/") || path.length() < 2) {
            return "not an absolute path";
        }
        String size = sizeRefusal(path);
        if (size != null) {
            return size;
        }
        int depth = 0;
        for (String c : path.substring(1).split("/", -1)) {
            if (c.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                return "path has a control character";
            }
            depth += c.equals("..") ? -1 : c.isEmpty() || c.equals(".") ? 0 : 1;
            if (depth < 0) {
                return "path climbs above /";
            }
        }
        return depth == 0 ? "path names no file" : null;
    }

    /** Caps checked before the name is split or resolved: a hostile name may be megabytes long. */
    static String sizeRefusal(String name) {
        if (name.length() > MAX_NAME) {
            return "name longer than " + MAX_NAME + " characters";
        }
        long depth = name.chars().filter(c -> c == '/').count();
        if (depth > MAX_DEPTH) {
            return "nested deeper than " + MAX_DEPTH + " folders";
        }
        for (String c : name.split("/", -1)) {
            if (c.length() > MAX_COMPONENT) {
                return "a path component longer than " + MAX_COMPONENT + " characters";
            }
        }
        return null;
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

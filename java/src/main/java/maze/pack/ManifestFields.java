package maze.pack;

import java.util.List;

/** The shape every manifest field must have before anything relies on it: present, typed, in range. */
final class ManifestFields {
    private ManifestFields() {
    }

    /** What is wrong with {@code m}'s fields, or null. */
    static String problem(Manifest m) {
        if (m.pid() < 0) {
            return "pid " + m.pid() + " is negative";
        }
        String p = file("core", m.core());
        if (p != null || m.core() == null) {
            return p != null ? p : "names no core";
        }
        if (m.modules() == null) {
            return "names no modules";
        }
        p = noNulls("warnings", m.warnings());
        for (int i = 0; p == null && i < m.modules().size(); i++) {
            p = module(i, m.modules().get(i));
        }
        return p;
    }

    private static String module(int i, ManifestModule mod) {
        if (mod == null) {
            return "module " + i + " is null";
        }
        if (mod.path() == null || mod.path().isEmpty()) {
            return "module " + i + " has no path";
        }
        String p = file("module " + i + " file", mod.file());
        return p != null ? p : file("module " + i + " debug file", mod.debug());
    }

    private static String file(String what, BundleFile f) {
        if (f == null) {
            return null;
        }
        if (f.entry() == null || f.sha256() == null || !f.sha256().matches("[0-9a-f]{64}")) {
            return what + " has no entry name or no sha256 of 64 hex digits";
        }
        return f.size() < 0 ? what + " has a negative size" : null;
    }

    private static String noNulls(String what, List<String> list) {
        return list != null && list.stream().anyMatch(java.util.Objects::isNull) ? what + " hold a null" : null;
    }
}

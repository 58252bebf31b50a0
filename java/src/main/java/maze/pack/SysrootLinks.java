package maze.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes each packed library reachable in the sysroot under its link name too (gdb looks libraries
 * up by the name the dynamic linker used, e.g. /lib/x86_64-linux-gnu/libc.so.6, while the file
 * was packed at its real path /usr/lib/...). Hard links: the tree stays free of symbolic links.
 */
final class SysrootLinks {
    private SysrootLinks() {
    }

    /** Returns what could not be linked (a name taken by another file), as warnings. */
    static List<String> create(Path bundle, Path root, Manifest m) throws BundleException {
        List<String> warnings = new ArrayList<>();
        for (ManifestModule mod : m.modules()) {
            String link = mod.linkName();
            if (mod.file() == null || link == null || !link.startsWith("/") || link.equals(mod.path())) {
                continue;
            }
            try {
                link(root, mod, warnings);
            } catch (IOException e) {
                throw new BundleException(bundle, Manifest.ENTRY, "cannot give " + mod.path() + " its link name "
                        + link + ": " + e, e);
            }
        }
        return warnings;
    }

    private static void link(Path root, ManifestModule mod, List<String> warnings) throws IOException {
        Path real = Folders.inside(root, mod.file().entry());
        Path named = Folders.fileIn(root, BundleLayout.sysrootEntry(mod.linkName()));
        if (!Files.exists(named, LinkOption.NOFOLLOW_LINKS)) {
            Files.createLink(named, real);
        } else if (!Files.isSameFile(named, real)) {
            warnings.add("link name " + mod.linkName() + " of " + mod.path() + " is already another packed file");
        }
    }
}

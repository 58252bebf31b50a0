package maze.heap.glibc;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import maze.core.Module;
import maze.heap.Detection;
import maze.heap.Detection.Confidence;
import maze.heap.HeapContext;
import maze.heap.ModuleEvidence;
import maze.heap.Version;

/**
 * Is glibc's malloc here (libc among the modules, or linked into a static executable), which
 * version, and does it safe-link its lists.
 */
final class GlibcDetector {
    private static final Pattern LIBC_NAME = Pattern.compile("libc(-[0-9.]+)?\\.so(\\.[0-9]+)*");
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
    /** The banner every libc carries: "GNU C Library (...) stable release version 2.36." */
    static final Pattern BANNER = Pattern.compile("GNU C Library [^\0]{0,200}?version (\\d+\\.\\d+(?:\\.\\d+)?)");
    /** Symbols only glibc's malloc defines: a static executable with symbols has them. */
    private static final String[] STATIC_MARKERS = {"main_arena", "__libc_malloc", "_int_malloc"};

    private GlibcDetector() {
    }

    static List<Detection<Void>> detect(HeapContext ctx, String allocator) {
        for (Module mod : ctx.core().modules()) {
            String file = mod.path().substring(mod.path().lastIndexOf('/') + 1);
            if (LIBC_NAME.matcher(file).matches()) {
                return List.of(new Detection<>(allocator, banner(mod), mod, "module " + file, Confidence.CERTAIN,
                        null, null));
            }
        }
        Module exe = ctx.core().executable();
        String marker = exe == null ? null : ModuleEvidence.askSymbols(ctx, exe, GlibcDetector::staticMarker);
        if (marker != null) {
            return List.of(new Detection<>(allocator, staticVersion(exe), exe, "executable defines " + marker,
                    Confidence.CERTAIN, StaticGlibc.refusal(ctx, exe), null));
        }
        return List.of();
    }

    private static String staticMarker(maze.core.ElfFile elf) {
        for (String s : STATIC_MARKERS) {
            if (elf.findSymbol(s) != null) {
                return s;
            }
        }
        return null;
    }

    /** __libc_version from a static executable's own file (a local symbol its .symtab keeps). */
    private static Version staticVersion(Module exe) {
        String v = ModuleEvidence.ask(exe, elf -> {
            maze.core.ElfSymbol s = elf.findSymbol("__libc_version");
            return s == null ? null : ModuleEvidence.cString(elf.bytesAt(s.value(), 32));
        });
        return v != null && VERSION.matcher(v).lookingAt() ? Version.of(v, "__libc_version") : Version.unknown(null);
    }

    /** The version libc's banner string states; unknown when the file is not here. */
    private static Version banner(Module mod) {
        String v = ModuleEvidence.ask(mod, elf -> ModuleEvidence.rodataMatch(elf, BANNER));
        return v == null ? Version.unknown("no banner") : Version.of(v, "banner");
    }

    /** __libc_version in the core, else the detection's banner version, else null (with a warning). */
    static String version(HeapContext ctx, Detection<Void> d, GlibcLayout layout) {
        Module libc = d.module();
        if (layout.libcVersionAddress() != 0) {
            String v = ctx.memory().readCString(libc.loadBias() + layout.libcVersionAddress(), 32);
            if (v != null && VERSION.matcher(v).lookingAt()) {
                return v;
            }
        }
        if (d.version().known()) {
            return d.version().text();
        }
        ctx.warnings().add("glibc version unreadable (__libc_version); assuming safe-linked lists (2.32 or later)");
        return null;
    }

    static boolean safeLinking(String version) {
        if (version == null) {
            return true;
        }
        Matcher mv = VERSION.matcher(version);
        mv.lookingAt();
        int major = Integer.parseInt(mv.group(1));
        int minor = Integer.parseInt(mv.group(2));
        return major > 2 || (major == 2 && minor >= 32);
    }
}

package maze.heap.glibc;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import maze.core.Module;
import maze.heap.Detection;
import maze.heap.HeapContext;

/** Is glibc's malloc here (libc among the modules), which version, and does it safe-link its lists. */
final class GlibcDetector {
    private static final Pattern LIBC_NAME = Pattern.compile("libc(-[0-9.]+)?\\.so(\\.[0-9]+)*");
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    private GlibcDetector() {
    }

    static Optional<Detection> detect(HeapContext ctx, String allocator) {
        for (Module mod : ctx.core().modules()) {
            String file = mod.path().substring(mod.path().lastIndexOf('/') + 1);
            if (LIBC_NAME.matcher(file).matches()) {
                return Optional.of(new Detection(allocator, null, mod));
            }
        }
        return Optional.empty();
    }

    static String version(HeapContext ctx, Module libc, GlibcLayout layout) {
        if (layout.libcVersionAddress() != 0) {
            String v = ctx.memory().readCString(libc.loadBias() + layout.libcVersionAddress(), 32);
            if (v != null && VERSION.matcher(v).lookingAt()) {
                return v;
            }
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

package maze.robust;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import maze.core.ElfFile;
import maze.testing.MimallocBuilds;
import maze.testing.TcmallocBuilds;

/**
 * tcmalloc metadata to damage in a core of the DWARF build of tcmalloc_minimal 2.10, at the
 * offsets of docs/tcmalloc-layouts.md, the statics found by the library's symbols: root and leaf
 * entries of the page map, Span fields, central free lists (class, list heads, transfer slots),
 * thread caches (list heads and lengths, next_), size map entries, and the links in freed blocks.
 */
final class TcmallocTargets {
    private static final long PAGEMAP_ROOT = 524288;
    private static final long[] SPAN_FIELDS = {0, 8, 16, 24, 32, 40};
    private static final long CENTRAL_STRIDE = 1216;
    private static final long[] CENTRAL_FIELDS = {8, 80, 88, 128, 136, 1152};
    private static final long CACHE_NEXT = 4144;
    private static final long CLASS_TO_SIZE = 2684;
    private static Path lib;

    private TcmallocTargets() {
    }

    static CleanCore capture(Path dir) throws IOException, InterruptedException {
        MimallocBuilds.Build b = TcmallocBuilds.all().stream().filter(x -> x.name().equals("tcmalloc-minimal-2.10-dwarf"))
                .findFirst().orElseThrow(() -> new AssertionError("tcmalloc-minimal-2.10-dwarf not provisioned"));
        lib = b.path().toRealPath(); // /proc/PID/maps names the file, not the link
        return CleanCore.capture("tcmalloc-2.10", "single", lib, dir);
    }

    static List<Mutation> of(CleanCore c, Random rnd) throws IOException {
        List<Mutation> out = new ArrayList<>();
        long root = symbol(c, "_ZN8tcmalloc6Static9pageheap_E") + PAGEMAP_ROOT;
        for (int i = 0; i < 4; i++) {
            long page = c.address()[rnd.nextInt(c.address().length)] >>> 13;
            long rootAt = root + 8 * (page >>> 18);
            long entryAt = c.core().word(rootAt) + 8 * (page & 0x3ffff);
            long span = c.core().word(entryAt);
            Mutation.add(out, Mutation.word(c.core(), "page map root", rootAt, CommonTargets.randomPointerish(rnd, rootAt)));
            Mutation.add(out, Mutation.word(c.core(), "page map entry", entryAt, CommonTargets.randomPointerish(rnd, span)));
            long sf = SPAN_FIELDS[rnd.nextInt(SPAN_FIELDS.length)];
            Mutation.add(out, Mutation.word(c.core(), "span+" + sf, span + sf, CommonTargets.randomPointerish(rnd, span)));
        }
        long central = symbol(c, "_ZN8tcmalloc6Static14central_cache_E");
        long cache = c.core().word(symbol(c, "_ZN8tcmalloc11ThreadCache13thread_heaps_E"));
        long sizes = symbol(c, "_ZN8tcmalloc6Static8sizemap_E") + CLASS_TO_SIZE;
        for (int i = 0; i < 3; i++) {
            long cl = 1 + rnd.nextInt(8);
            long at = central + cl * CENTRAL_STRIDE + CENTRAL_FIELDS[rnd.nextInt(CENTRAL_FIELDS.length)];
            Mutation.add(out, Mutation.word(c.core(), "central list", at, CommonTargets.randomPointerish(rnd, at)));
            long list = cache + cl * 32 + 8L * rnd.nextInt(2);
            Mutation.add(out, Mutation.word(c.core(), "thread cache list", list, CommonTargets.randomPointerish(rnd, list)));
        }
        Mutation.add(out, Mutation.word(c.core(), "thread cache next_", cache + CACHE_NEXT, cache));
        Mutation.add(out, Mutation.word(c.core(), "size map entry", sizes + 8L * rnd.nextInt(8), rnd.nextLong()));
        for (int i = 0; i < 4 && c.freed().length > 0; i++) {
            long p = c.freed()[rnd.nextInt(c.freed().length)];
            Mutation.add(out, Mutation.word(c.core(), "free link", p, i == 0 ? p : CommonTargets.randomPointerish(rnd, p)));
        }
        return out;
    }

    private static long symbol(CleanCore c, String name) {
        try (ElfFile elf = ElfFile.open(lib)) {
            return c.preloadBase() + elf.findSymbol(name).value();
        }
    }
}

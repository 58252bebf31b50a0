package maze.robust;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * mimalloc metadata to damage, at the offsets of Debian's stripped builds
 * (docs/mimalloc-layouts.md): 2.0.9 segment headers and slices (32 MiB segments, 80-byte slices
 * from +0x108); 3.0.1 page map entries (static {@code _mi_page_map} at library +0x28600) and page
 * headers; for both, the links in freed blocks.
 */
final class MimallocTargets {
    static final long V2_SEGMENT = 32L << 20;
    static final long V3_PAGE_MAP = 0x28600;
    private static final long[] V2_PAGE_FIELDS = {0, 4, 8, 16, 24, 32, 40, 48};
    private static final long[] V2_SEGMENT_FIELDS = {176, 184, 208, 216, 224, 232, 240, 248, 256};
    private static final long[] V3_PAGE_FIELDS = {0, 8, 0x10, 0x18, 0x20, 0x28, 48, 64, 72};

    private MimallocTargets() {
    }

    static List<Mutation> v2(CleanCore c, Random rnd) throws IOException {
        List<Mutation> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long p = c.address()[rnd.nextInt(c.address().length)];
            long seg = p & -V2_SEGMENT;
            long slice = seg + 0x108 + ((p - seg) >>> 16) * 80;
            long page = slice - (c.core().word(slice + 4) & 0xffff_ffffL);
            long pf = V2_PAGE_FIELDS[rnd.nextInt(V2_PAGE_FIELDS.length)];
            Mutation.add(out, Mutation.word(c.core(), "v2 page+" + pf, page + pf, CommonTargets.randomPointerish(rnd, page)));
            long sf = V2_SEGMENT_FIELDS[rnd.nextInt(V2_SEGMENT_FIELDS.length)];
            Mutation.add(out, Mutation.word(c.core(), "v2 segment+" + sf, seg + sf, CommonTargets.randomPointerish(rnd, seg)));
        }
        Mutation.add(out, Mutation.word(c.core(), "v2 slice_count huge", (c.address()[0] & -V2_SEGMENT) + 0x108, 0x7fff_ffffL));
        freedLinks(c, rnd, out);
        return out;
    }

    static List<Mutation> v3(CleanCore c, Random rnd) throws IOException {
        List<Mutation> out = new ArrayList<>();
        long mapAt = c.preloadBase() + V3_PAGE_MAP;
        long map = c.core().word(mapAt);
        Mutation.add(out, Mutation.word(c.core(), "v3 _mi_page_map", mapAt, CommonTargets.randomPointerish(rnd, map)));
        for (int i = 0; i < 4; i++) {
            long p = c.address()[rnd.nextInt(c.address().length)];
            long l1At = map + (p >>> 29) * 8;
            long entryAt = c.core().word(l1At) + ((p >>> 16) & 0x1fff) * 8;
            long page = c.core().word(entryAt);
            Mutation.add(out, Mutation.word(c.core(), "v3 page map level 1", l1At, CommonTargets.randomPointerish(rnd, l1At)));
            Mutation.add(out, Mutation.word(c.core(), "v3 page map entry", entryAt, CommonTargets.randomPointerish(rnd, page)));
            long pf = V3_PAGE_FIELDS[rnd.nextInt(V3_PAGE_FIELDS.length)];
            Mutation.add(out, Mutation.word(c.core(), "v3 page+" + pf, page + pf, CommonTargets.randomPointerish(rnd, page)));
        }
        freedLinks(c, rnd, out);
        return out;
    }

    private static void freedLinks(CleanCore c, Random rnd, List<Mutation> out) {
        for (int i = 0; i < 4 && c.freed().length > 0; i++) {
            long p = c.freed()[rnd.nextInt(c.freed().length)];
            long v = i == 0 ? p : CommonTargets.randomPointerish(rnd, p);
            Mutation.add(out, Mutation.word(c.core(), "free link", p, v));
        }
    }
}

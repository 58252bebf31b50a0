package maze.heap.mimalloc.pages;

import java.util.Arrays;
import java.util.List;
import maze.core.Segment;
import maze.heap.FieldReader;
import maze.heap.LongArrays;
import maze.heap.mimalloc.LayoutCheck;
import maze.heap.mimalloc.Page;

/**
 * A second source of pages where a page's struct is the start of its own memory (3.0-3.2): every
 * 64 KiB slice start of the core mappings that hold listed pages, outside those pages, is read as a
 * page header. A live one that agrees with itself (free lists on its block boundaries, used what
 * they leave) is a page the page map lost; an abandoned page (no heap, no queue) is registered
 * nowhere else. A freed page's header says used 0, so it never counts.
 */
final class SliceScan {
    static final long SLICE = 1L << 16;
    private static final long[] NO_DELAYED = new long[0];

    private final PageHeaders reader;
    private final LayoutCheck check;
    int scanned;

    SliceScan(FieldReader mem, V3Layout l) {
        this.reader = new PageHeaders(mem, l);
        this.check = new LayoutCheck(mem);
    }

    /** Whether the listed pages are of that kind: each struct at a slice start. */
    static boolean applies(List<Page> pages) {
        return !pages.isEmpty() && pages.stream().allMatch(p -> (p.meta() & (SLICE - 1)) == 0);
    }

    /** Live pages at slice starts that {@code registered} (sorted) lacks, ascending. */
    long[] unregistered(List<Page> pages, long[] registered, List<Segment> coreSegments) {
        if (!applies(pages)) {
            return new long[0];
        }
        List<Page> byMeta = pages.stream().sorted((a, b) -> Long.compareUnsigned(a.meta(), b.meta())).toList();
        long[] metas = byMeta.stream().mapToLong(Page::meta).toArray();
        LongArrays out = new LongArrays();
        for (Segment s : coreSegments) {
            int first = insertion(metas, s.vaddr());
            if (first < metas.length && Long.compareUnsigned(metas[first], s.bytesEnd()) < 0) {
                scan(s, byMeta, metas, registered, out);
            }
        }
        return out.sortedDistinct();
    }

    private void scan(Segment s, List<Page> byMeta, long[] metas, long[] registered, LongArrays out) {
        for (long a = (s.vaddr() + SLICE - 1) & -SLICE; Long.compareUnsigned(a, s.bytesEnd()) < 0; a += SLICE) {
            int i = insertion(metas, a + 1) - 1; // the listed page at or below a
            if (i >= 0 && Long.compareUnsigned(a, byMeta.get(i).end()) < 0) {
                continue; // inside a listed page
            }
            if (LongArrays.contains(registered, a)) {
                continue;
            }
            scanned++;
            Page p = reader.read(a);
            if (p != null && p.start() - a < SLICE && check.fits(p, NO_DELAYED)) {
                out.add(a);
            }
        }
    }

    private static int insertion(long[] sorted, long v) {
        int i = Arrays.binarySearch(sorted, v);
        return i >= 0 ? i : -i - 1;
    }
}

package maze.heap.tcmalloc;

import maze.heap.FieldReader;
import java.util.function.Consumer;
import maze.layout.LayoutException;

/**
 * The page heap's two-level page map (TCMalloc_PageMap2): a root of leaf pointers, each leaf an
 * array of Span pointers, one per page. Spans come out once each, in page order. Only the first
 * page of a span names it reliably: interior entries of large and free spans may still point at
 * Span objects that were merged away or reused, so a span counts only where it starts, and pages
 * it covers are skipped.
 */
final class PageMap {
    /** x86-64 user addresses have 48 bits; the map's levels cover them: 2^(root + leaf bits) pages. */
    private static final int ADDRESS_BITS = 48;

    private final FieldReader m;
    private final TcLayout l;
    private final int leafBits;
    final int pageShift;
    private long staleEntries;
    private long unreadableLeaves;
    private long namedLate;

    PageMap(FieldReader m, TcLayout l) {
        this.m = m;
        this.l = l;
        this.leafBits = Integer.numberOfTrailingZeros(l.leafEntries());
        int mapBits = Integer.numberOfTrailingZeros(l.rootEntries()) + leafBits;
        if (Integer.bitCount(l.rootEntries()) != 1 || Integer.bitCount(l.leafEntries()) != 1 || mapBits >= ADDRESS_BITS) {
            throw new LayoutException("tcmalloc page map of " + l.rootEntries() + " x " + l.leafEntries()
                    + " entries is not a two-level map of powers of two");
        }
        this.pageShift = ADDRESS_BITS - mapBits;
    }

    /** Every span the map names, by increasing start page. */
    void forEachSpan(long pageHeap, Consumer<TcSpan> visit) {
        long[] root = m.words(pageHeap + l.heapPagemap() + l.mapRoot(), l.rootEntries());
        if (root == null) {
            throw new LayoutException("tcmalloc's page map root at 0x" + Long.toHexString(pageHeap)
                    + " is not in the core");
        }
        long nextPage = 0;
        for (int i = 0; i < root.length; i++) {
            if (root[i] == 0) {
                continue;
            }
            long[] leaf = m.words(root[i], l.leafEntries());
            if (leaf == null) {
                unreadableLeaves++;
                continue;
            }
            nextPage = visitLeaf((long) i << leafBits, leaf, nextPage, visit);
        }
        if (namedLate > 0) {
            m.warnings().add("tcmalloc: %d spans in use are not named by their first page (a damaged page map):"
                    + " found from later pages", namedLate);
        }
        if (unreadableLeaves > 0) {
            m.warnings().add("tcmalloc: %d page map leaves are not in the core: their spans are not listed",
                    unreadableLeaves);
        }
    }

    private long visitLeaf(long firstPage, long[] leaf, long nextPage, Consumer<TcSpan> visit) {
        for (int j = 0; j < leaf.length; j++) {
            long page = firstPage + j;
            if (leaf[j] == 0 || page < nextPage) {
                continue;
            }
            TcSpan s = read(leaf[j]);
            if (s.length() <= 0 || s.start() < nextPage || s.start() > page || page - s.start() >= s.length()
                    || s.length() > (1L << (ADDRESS_BITS - pageShift)) - s.start()) {
                staleEntries++;
                continue;
            }
            if (s.start() != page && !s.inUse()) {
                staleEntries++; // interior entries of free spans are not kept up to date
                continue;
            }
            if (s.start() != page) {
                namedLate++; // a span in use whose first page does not name it: damage, but its blocks are whole
            }
            visit.accept(s);
            nextPage = page + s.length();
        }
        return nextPage;
    }

    /** The Span pointer the map holds for {@code page} of the page heap at {@code pageHeap}; 0 if none. */
    long lookup(long pageHeap, long page) {
        long index = page >>> leafBits;
        if (index >= l.rootEntries()) {
            return 0;
        }
        long leaf = m.word(pageHeap + l.heapPagemap() + l.mapRoot() + 8 * index);
        return leaf == 0 ? 0 : m.word(leaf + 8 * (page & (l.leafEntries() - 1)));
    }

    int leafBits() {
        return leafBits;
    }

    TcSpan read(long span) {
        return new TcSpan(span, m.field(span, l.spanStart()), m.field(span, l.spanLength()),
                m.field(span, l.spanObjects()), (int) m.field(span, l.spanRefcount()),
                (int) m.field(span, l.spanSizeclass()), (int) m.field(span, l.spanLocation()));
    }

    /** Entries past a span's start that name no span starting there (normal: merged or reused Spans). */
    long staleEntries() {
        return staleEntries;
    }
}

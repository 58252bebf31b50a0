package maze.heap.mimalloc.pages;

import java.util.List;
import maze.heap.FieldReader;
import maze.heap.LongArrays;
import maze.heap.mimalloc.Page;
import maze.layout.FieldLayout;

/**
 * The second source of pages, against the page map (or the area slots): a heap keeps its pages in
 * queues linked through each page's {@code next} and {@code prev}, so a page a listed page links to
 * must be registered too. A live page reached only through a link lost its registration, and its
 * blocks would vanish from the listing without a word. Abandoned pages are in no queue, and a page
 * alone in its queue is linked only from its heap (whose layout the built-in tables lack): the loss
 * of those stays unseen here.
 */
final class QueueLinks {
    private final FieldReader mem;
    private final V3Layout l;
    int checked;

    QueueLinks(FieldReader mem, V3Layout l) {
        this.mem = mem;
        this.l = l;
    }

    boolean known() {
        return l.next() != null && l.prev() != null;
    }

    /** Live pages linked from {@code pages} that {@code registered} (sorted) lacks, ascending. */
    long[] unregistered(List<Page> pages, long[] registered) {
        LongArrays out = new LongArrays();
        if (!known()) {
            return new long[0];
        }
        PageHeaders probe = new PageHeaders(mem, l);
        for (Page p : pages) {
            for (FieldLayout link : new FieldLayout[] {l.next(), l.prev()}) {
                long q = mem.field(p.meta(), link);
                checked += q != 0 ? 1 : 0;
                if (q != 0 && !LongArrays.contains(registered, q) && probe.read(q) != null) {
                    out.add(q);
                }
            }
        }
        return out.sortedDistinct();
    }
}

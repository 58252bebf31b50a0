package maze.heap.mimalloc.pages;

import maze.heap.FieldReader;
import maze.heap.mimalloc.LayoutCheck;
import maze.heap.mimalloc.LayoutChoice;
import maze.heap.mimalloc.MiVersion;
import maze.heap.mimalloc.Page;
import maze.heap.mimalloc.PageEmitter;
import maze.layout.LayoutChooser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import maze.core.Module;
import maze.heap.BlockSink;
import maze.heap.HeapContext;
import maze.heap.HeapSummary;
import maze.heap.LongArrays;
import maze.heap.ParallelWalks;
import maze.heap.Version;

/**
 * One analysis of a mimalloc 3.x heap: every page the page map (3.0-3.4) or the area slots (3.6)
 * hold, owned and abandoned alike, checked, then its live blocks in address order. 3.x has no
 * delayed free list; a page's free blocks are its free, local_free and thread-free lists.
 */
public final class PageWalk {
    private static final long[] NO_DELAYED = new long[0];

    private final HeapContext ctx;
    private final Module mod;
    private final MiVersion version;
    /** The page map the pages came from; null for area slots. */
    private PageMap map;

    public PageWalk(HeapContext ctx, Module mod, MiVersion version) {
        this.ctx = ctx;
        this.mod = mod;
        this.version = version;
    }

    /** Walks, up to {@code ParallelWalks.walkers("mimalloc")} runs of pages at once. */
    public HeapSummary run(BlockSink sink) {
        return run(sink, ParallelWalks.walkers("mimalloc"));
    }

    /** Walks, up to {@code walkers} runs of pages (32 MiB of address space each) at once. */
    public HeapSummary run(BlockSink sink, int walkers) {
        LayoutChooser.Chosen<V3Layout> chosen = LayoutChoice.choose(ctx, mod, version, V3Layout.REQUEST, V3Layout::from);
        FieldReader mem = new FieldReader(ctx.memory(), ctx.warnings());
        PageHeaders reader = new PageHeaders(mem, chosen.layout());
        long[] mapped = pages(mem, chosen.layout(), reader);
        List<Page> pages = new ArrayList<>();
        LayoutCheck verdict = new LayoutCheck(mem);
        for (long p : mapped) {
            Page page = reader.read(p);
            if (page != null) {
                pages.add(page);
                verdict.offer(page, NO_DELAYED);
            }
        }
        if (reader.inconsistent > 0) { // a registered page always has a header that agrees with itself
            ctx.warnings().add("mimalloc: %d page headers the page map or area slots point at are inconsistent; their blocks not listed",
                    reader.inconsistent);
        }
        QueueLinks links = new QueueLinks(mem, chosen.layout());
        SliceScan scan = new SliceScan(mem, chosen.layout());
        unregistered(mem, chosen.layout(), lost(links, scan, pages, mapped));
        if (map != null && map.outside() > 0 && !SliceScan.applies(pages)) { // else the scan finds a page they hid
            mem.warnings().add("mimalloc page map: %d entries point outside the core; the pages they stood for are"
                    + " not listed", map.outside());
        }
        String problem = verdict.problem();
        LayoutChoice.requireFit(ctx, mod, version, chosen, problem);
        pages.sort(Comparator.comparingLong(Page::start));
        PageEmitter out = new PageEmitter(mem, 0);
        long abandoned = pages.stream().filter(reader::abandoned).count();
        AreaPools areas = new AreaPools();
        PooledPages.emit(pages, reader, areas, out, walkers, sink);
        String foundBy = chosen.layout().pageMap() != 0 ? "pages_found_by_page_map" : "pages_found_by_area_slots";
        return new HeapSummary(Version.of(version.text(), version.how()),
                facts(chosen.origin(), foundBy, mapped.length, reader, verdict, out, abandoned, links, scan),
                areas.owned(ctx.core().threads().size()));
    }

    /** Live pages the second sources found that the page map (or area slots) lack, with where they were found. */
    private Map<Long, String> lost(QueueLinks links, SliceScan scan, List<Page> pages, long[] mapped) {
        Map<Long, String> lost = new TreeMap<>();
        for (long q : links.unregistered(pages, mapped)) {
            lost.putIfAbsent(q, "a heap's page queue");
        }
        if (map != null) {
            for (long q : scan.unregistered(pages, mapped, ctx.core().segments())) {
                lost.putIfAbsent(q, "a slice start");
            }
        }
        return lost;
    }

    /**
     * Warns about each live page a second source found that the page map (or area slots) lack,
     * unless the map's misdirected entries already named it.
     */
    private void unregistered(FieldReader mem, V3Layout l, Map<Long, String> found) {
        PageHeaders probe = new PageHeaders(mem, l);
        long[] named = map == null ? new long[0] : map.misdirected();
        for (Map.Entry<Long, String> e : found.entrySet()) {
            long q = e.getKey();
            Page lost = probe.read(q);
            if (lost != null && !LongArrays.contains(named, q)) {
                mem.warnings().add("mimalloc page 0x%x (blocks of %d at 0x%x) is live, found through %s, but the %s"
                        + " does not hold it; its blocks not listed", q, lost.blockSize(), lost.start(), e.getValue(),
                        map == null ? "area slots" : "page map");
            }
        }
    }

    /** 3.0-3.4: the page map; 3.6: the slots of every 256 MiB area. */
    private long[] pages(FieldReader mem, V3Layout l, PageHeaders reader) {
        if (l.pageMap() != 0) {
            map = new PageMap(mem, mem.word(mod.loadBias() + l.pageMap(), 0));
            long[] pages = map.pages(reader::firstBlock);
            if (map.implausible() > map.outside()) {
                mem.warnings().add("mimalloc page map: %d entries point where no page struct can be (unaligned);"
                        + " the pages they stood for are not listed", map.implausible() - map.outside());
            }
            misdirected(mem, l, map);
            return pages;
        }
        return new AreaSlots(mem, l.slotSize()).pages(ctx.core().segments());
    }

    /**
     * A page that reads as live although the slice of its first block points elsewhere lost its
     * map entry, and one the map registers at its own address whose header no longer says where
     * its blocks start was damaged: a stale entry's page has no live header (its memory was reused
     * or freed).
     */
    private static void misdirected(FieldReader mem, V3Layout l, PageMap map) {
        PageHeaders probe = new PageHeaders(mem, l);
        for (long p : map.misdirected()) {
            int before = probe.inconsistent;
            if (probe.read(p) != null) {
                mem.warnings().add("mimalloc page 0x%x holds live blocks but the page map entry of its first block"
                        + " does not point at it; its blocks not listed", p);
            } else if (probe.inconsistent > before && map.pageOf(p) == p) {
                mem.warnings().add("mimalloc page 0x%x: the page map holds it but its header is inconsistent;"
                        + " its blocks not listed", p);
            }
        }
    }

    private Map<String, Object> facts(String layout, String foundBy, int mapped, PageHeaders reader, LayoutCheck verdict,
                                      PageEmitter out, long abandoned, QueueLinks links, SliceScan scan) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("library", mod.path());
        f.put("layout", layout);
        f.put("layout_checked_pages", verdict.checked());
        f.put(foundBy, mapped);
        f.put("pages_inconsistent", reader.inconsistent);
        if (links.known()) {
            f.put("queue_links_checked", links.checked);
        }
        f.put("slice_starts_scanned", scan.scanned);
        f.put("pages", out.pages());
        f.put("abandoned_pages", abandoned);
        f.put("live_blocks", out.blocks());
        f.put("live_bytes", out.bytes());
        f.put("pages_used_mismatch", out.usedMismatches());
        f.put("pages_list_problems", out.listProblems());
        return f;
    }
}

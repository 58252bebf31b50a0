package maze.heap.mimalloc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import maze.core.Module;
import maze.heap.BlockSink;
import maze.heap.HeapContext;
import maze.heap.HeapSummary;

/**
 * One analysis of a mimalloc 3.x heap: every page the page map (3.0/3.1) or the area slots (3.6)
 * hold, owned and abandoned alike, checked, then its live blocks in address order. 3.x has no
 * delayed free list; a page's free blocks are its free, local_free and thread-free lists.
 */
final class V3Walk {
    private static final long[] NO_DELAYED = new long[0];

    private final HeapContext ctx;
    private final Module mod;
    private final MiVersion version;

    V3Walk(HeapContext ctx, Module mod, MiVersion version) {
        this.ctx = ctx;
        this.mod = mod;
        this.version = version;
    }

    HeapSummary run(BlockSink sink) {
        MiLayouts.Chosen<MiV3Layout> chosen = MiLayouts.choose(ctx, mod, version, MiV3Layout.REQUEST, MiV3Layout::from);
        MiMemory mem = new MiMemory(ctx.memory(), ctx.warnings());
        long[] mapped = pages(mem, chosen.layout());
        V3Pages reader = new V3Pages(mem, chosen.layout());
        List<MiPage> pages = new ArrayList<>();
        MiLayoutCheck verdict = new MiLayoutCheck(mem);
        for (long p : mapped) {
            MiPage page = reader.read(p);
            if (page != null) {
                pages.add(page);
                verdict.offer(page, NO_DELAYED);
            }
        }
        if (reader.inconsistent > 0) { // a registered page always has a header that agrees with itself
            ctx.warnings().add("mimalloc: %d page headers the page map or area slots point at are inconsistent; their blocks not listed",
                    reader.inconsistent);
        }
        String problem = verdict.problem();
        MiLayouts.requireFit(ctx, mod, version, chosen, problem);
        pages.sort(Comparator.comparingLong(MiPage::start));
        MiPageEmitter out = new MiPageEmitter(mem, 0);
        long abandoned = pages.stream().filter(reader::abandoned).count();
        pages.forEach(p -> out.page(p, NO_DELAYED, p.reserved() == 1 ? BlockSink.MMAPPED : 0, sink)); // singleton page: one big block
        String foundBy = chosen.layout().pageMap() != 0 ? "pages_found_by_page_map" : "pages_found_by_area_slots";
        return new HeapSummary(facts(chosen.origin(), foundBy, mapped.length, reader, verdict, out, abandoned));
    }

    /** 3.0/3.1: the page map; 3.6: the slots of every 256 MiB area. */
    private long[] pages(MiMemory mem, MiV3Layout l) {
        if (l.pageMap() != 0) {
            V3PageMap map = new V3PageMap(mem, mem.word(mod.loadBias() + l.pageMap(), 0));
            long[] pages = map.pages();
            misdirected(mem, l, map.misdirected());
            return pages;
        }
        return new V3Areas(mem, l.slotSize()).pages(ctx.core().segments());
    }

    /**
     * A page that reads as live although its own first slice points elsewhere lost its map entry:
     * a stale entry's page has no live header (its memory was reused or freed).
     */
    private static void misdirected(MiMemory mem, MiV3Layout l, long[] candidates) {
        V3Pages probe = new V3Pages(mem, l);
        for (long p : candidates) {
            if (probe.read(p) != null) {
                mem.warnings().add("mimalloc page 0x%x holds live blocks but the page map entry of its first slice"
                        + " does not point at it; its blocks not listed", p);
            }
        }
    }

    private Map<String, Object> facts(String layout, String foundBy, int mapped, V3Pages reader, MiLayoutCheck verdict,
                                      MiPageEmitter out, long abandoned) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("version", version.describe());
        f.put("library", mod.path());
        f.put("layout", layout);
        f.put("layout_checked_pages", verdict.checked());
        f.put(foundBy, mapped);
        f.put("pages_inconsistent", reader.inconsistent);
        f.put("pages", out.pages);
        f.put("abandoned_pages", abandoned);
        f.put("live_blocks", out.blocks);
        f.put("live_bytes", out.bytes);
        f.put("pages_used_mismatch", out.usedMismatches);
        f.put("pages_list_problems", out.listProblems);
        return f;
    }
}

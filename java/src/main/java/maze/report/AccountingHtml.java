package maze.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import maze.heap.MallocSpace;

/** The whole-process section of the HTML page: {@link MemoryAccounting} as a small treemap and tables. */
final class AccountingHtml {
    private static final double HEIGHT = 160;

    private AccountingHtml() {
    }

    static void write(MemoryAccounting a, HtmlPage page) {
        page.heading("The whole process: " + Sizes.human(a.mappedBytes()) + " in the core's " + a.segments() + " segments");
        List<Treemap.Item> items = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (MemoryAccounting.Category c : a.categories()) {
            items.add(new Treemap.Item(c.label(), c.bytes()));
            rows.add(new String[] {c.label(), Long.toString(c.bytes()), Sizes.human(c.bytes())});
        }
        page.treemap("process", Treemap.layout(items, items.size(), HtmlPage.WIDTH, HEIGHT), HEIGHT, "");
        page.table(new String[] {"Category", "Bytes", ""}, rows, new boolean[] {false, true, true}, 0);
        if (!a.biggestOther().isEmpty()) {
            page.heading("Biggest other anonymous mappings");
            List<String[]> maps = new ArrayList<>();
            for (MemoryAccounting.Mapping m : a.biggestOther()) {
                maps.add(new String[] {String.format("0x%x-0x%x", m.start(), m.end()), Long.toString(m.bytes()), m.what()});
            }
            page.table(new String[] {"Mapping", "Bytes", "What"}, maps, new boolean[] {false, true, false}, -1);
        }
        if (!a.notes().isEmpty()) {
            page.list(a.notes(), false);
        }
        for (int i = 0; i < a.mallocSpaces().size(); i++) {
            space(a.mallocSpaces().get(i), "pools-" + i, page);
        }
    }

    /** One allocator's own memory: a treemap of each pool's bytes in use and free, and the pools' table. */
    private static void space(MemoryAccounting.Space s, String id, HtmlPage page) {
        MallocSpace sp = s.space();
        page.heading("Where " + s.allocator() + "'s memory went, pool by pool");
        List<MallocSpace.Pool> sorted = new ArrayList<>(sp.pools());
        sorted.sort(Comparator.comparingLong(MallocSpace.Pool::systemBytes).reversed());
        List<MallocSpace.Pool> shown = sorted.subList(0, Math.min(AccountingText.MAX_POOLS, sorted.size()));
        List<Treemap.Item> items = new ArrayList<>();
        for (MallocSpace.Pool p : shown) {
            poolCells(p.name(), p.systemBytes(), p.free(), p.top(), sp.topIs(), items);
        }
        if (shown.size() < sp.pools().size()) {
            List<MallocSpace.Pool> rest = sorted.subList(shown.size(), sorted.size());
            poolCells("(other " + rest.size() + " pools)", sum(rest, MallocSpace.Pool::systemBytes),
                    sum(rest, MallocSpace.Pool::free), sum(rest, MallocSpace.Pool::top), sp.topIs(), items);
        }
        if (sp.mmappedBytes() > 0) {
            items.add(new Treemap.Item("blocks mapped on their own", sp.mmappedBytes()));
        }
        page.treemap(id, Treemap.layout(items, items.size(), HtmlPage.WIDTH, HEIGHT), HEIGHT, "");
        page.paragraph(sp.freeIs() + "; in use = the pool's bytes less its free ones (live blocks and their overhead).",
                false);
        page.table(poolHeader(sp), poolRows(shown), poolNumeric(), AccountingText.POOL_HEADER.length + 1
                + MallocSpace.BAND_NAMES.size());
        page.paragraph("pools: " + sp.pools().size() + (shown.size() < sp.pools().size() ? " (the " + shown.size()
                + " largest shown; the JSON lists every pool)" : "") + ", threads: " + sp.threads()
                + ", blocks mapped on their own: " + sp.mmappedBlocks() + " (" + sp.mmappedBytes() + " bytes)", false);
        if (!sp.advice().isEmpty()) {
            page.list(sp.advice(), false);
        }
    }

    private static long sum(List<MallocSpace.Pool> pools, java.util.function.ToLongFunction<MallocSpace.Pool> f) {
        return pools.stream().mapToLong(f).sum();
    }

    /** In use, the allocator's top (its own word for it) and the rest of free: the three add up to the pool's bytes. */
    private static void poolCells(String pool, long system, long free, long top, String topIs, List<Treemap.Item> items) {
        items.add(new Treemap.Item(pool + ": in use", Math.max(0, system - free)));
        items.add(new Treemap.Item(pool + ": free (" + topIs + ")", top));
        items.add(new Treemap.Item(pool + ": free (other)", Math.max(0, free - top)));
    }

    private static String[] poolHeader(MallocSpace sp) {
        List<String> head = new ArrayList<>(List.of(AccountingText.POOL_HEADER));
        head.add(2, sp.topIs());
        MallocSpace.BAND_NAMES.forEach(b -> head.add("Binned" + b));
        head.add("Pool");
        return head.toArray(String[]::new);
    }

    private static boolean[] poolNumeric() {
        boolean[] n = new boolean[AccountingText.POOL_HEADER.length + 2 + MallocSpace.BAND_NAMES.size()];
        java.util.Arrays.fill(n, 0, n.length - 1, true);
        return n;
    }

    private static List<String[]> poolRows(List<MallocSpace.Pool> pools) {
        List<String[]> rows = new ArrayList<>();
        for (MallocSpace.Pool p : pools) {
            List<String> row = new ArrayList<>(List.of(Long.toString(p.systemBytes()), Long.toString(p.free()),
                    Long.toString(p.top()), Long.toString(p.untrimmed()), Long.toString(p.fastbins()),
                    Long.toString(p.tcache())));
            for (long b : p.binnedByBand()) {
                row.add(Long.toString(b));
            }
            row.add(p.name());
            rows.add(row.toArray(String[]::new));
        }
        return rows;
    }
}

package maze.report;

import java.util.ArrayList;
import java.util.List;

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
    }
}

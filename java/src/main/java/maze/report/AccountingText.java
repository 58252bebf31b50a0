package maze.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import maze.heap.MallocSpace;

/** The text form of {@link MemoryAccounting}: the process by category, then where malloc's own memory went. */
public final class AccountingText {
    private static final int LABEL_WIDTH = 28;
    /** mimalloc has a pool per segment, hundreds of them: the text shows those with the most free bytes. */
    static final int MAX_POOLS = 16;
    static final String[] POOL_HEADER = {"System", "Free", "Untrimmed", "Fastbins", "Tcache"};

    private final boolean humanSizes;

    public AccountingText(boolean humanSizes) {
        this.humanSizes = humanSizes;
    }

    public void write(MemoryAccounting a, PrintWriter out) {
        out.printf("Process memory: %d bytes (%s) in the core's %d segments (the sum of their p_memsz)%n",
                a.mappedBytes(), Sizes.human(a.mappedBytes()), a.segments());
        for (MemoryAccounting.Category c : a.categories()) {
            String head = "  " + c.label();
            out.printf("%s%s%d (%s)%n", head, " ".repeat(Math.max(1, LABEL_WIDTH - head.length())), c.bytes(),
                    Sizes.human(c.bytes()));
        }
        if (!a.biggestOther().isEmpty()) {
            out.println("Biggest other anonymous mappings:");
            for (MemoryAccounting.Mapping m : a.biggestOther()) {
                out.printf("  0x%x-0x%x  %s  %s%n", m.start(), m.end(), size(m.bytes()), m.what());
            }
        }
        for (String n : a.notes()) {
            out.println("  note: " + n);
        }
        for (MemoryAccounting.Space s : a.mallocSpaces()) {
            out.println();
            space(s, out);
        }
    }

    private void space(MemoryAccounting.Space s, PrintWriter out) {
        MallocSpace sp = s.space();
        out.printf("Where %s's own memory went (%s):%n", s.allocator(), sp.freeIs());
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of(POOL_HEADER));
        head.add(2, sp.topIs());
        MallocSpace.BAND_NAMES.forEach(b -> head.add("Binned" + b));
        head.add("Pool");
        rows.add(head.toArray(String[]::new));
        List<MallocSpace.Pool> shown = sp.pools().size() <= MAX_POOLS ? sp.pools() : sp.pools().stream()
                .sorted(Comparator.comparingLong(MallocSpace.Pool::free).reversed()).limit(MAX_POOLS).toList();
        for (MallocSpace.Pool p : shown) {
            List<String> row = new ArrayList<>(List.of(size(p.systemBytes()), size(p.free()), size(p.top()),
                    size(p.untrimmed()), size(p.fastbins()), size(p.tcache())));
            for (long b : p.binnedByBand()) {
                row.add(size(b));
            }
            row.add(p.name());
            rows.add(row.toArray(String[]::new));
        }
        Columns.write(rows, out);
        if (shown.size() < sp.pools().size()) {
            long rest = sp.free() - shown.stream().mapToLong(MallocSpace.Pool::free).sum();
            out.printf("  ... %d more pools with %s free bytes (the JSON lists every pool)%n",
                    sp.pools().size() - shown.size(), size(rest));
        }
        out.printf("  pools: %d, threads: %d, blocks mapped on their own: %d (%d bytes)%n", sp.pools().size(),
                sp.threads(), sp.mmappedBlocks(), sp.mmappedBytes());
        for (String advice : sp.advice()) {
            out.println("  - " + advice);
        }
    }

    private String size(long bytes) {
        return humanSizes ? Sizes.human(bytes) : Long.toString(bytes);
    }
}

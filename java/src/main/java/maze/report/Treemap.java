package maze.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A squarified treemap (Bruls, Huizing, van Wijk): areas proportional to values, laid out in rows
 * along the shorter side so cells stay close to square. Past {@code maxCells} the smallest values
 * are summed into one "(other N types)" cell, so a page with 100,000 types stays small.
 */
public final class Treemap {
    /** One value to lay out. */
    public record Item(String label, long value) {
    }

    /** A laid-out cell; {@code others} is the number of items summed into it (0: a single item). */
    public record Cell(String label, long value, int others, double x, double y, double w, double h) {
    }

    private Treemap() {
    }

    /** The cells for the positive values of {@code items} in a {@code width} x {@code height} box. */
    public static List<Cell> layout(List<Item> items, int maxCells, double width, double height) {
        List<Entry> entries = entries(items, maxCells);
        double total = entries.stream().mapToDouble(e -> (double) e.value).sum();
        List<Cell> cells = new ArrayList<>();
        if (total <= 0 || width <= 0 || height <= 0) {
            return cells;
        }
        double scale = width * height / total;
        double x = 0;
        double y = 0;
        double w = width;
        double h = height;
        int start = 0;
        while (start < entries.size()) {
            double side = Math.min(w, h);
            int end = start + 1;
            double sum = entries.get(start).value * scale;
            double worst = worst(entries, start, end, sum, side, scale);
            while (end < entries.size()) {
                double next = sum + entries.get(end).value * scale;
                double nextWorst = worst(entries, start, end + 1, next, side, scale);
                if (nextWorst > worst) {
                    break;
                }
                sum = next;
                worst = nextWorst;
                end++;
            }
            double thick = sum / side;
            double along = 0;
            for (int i = start; i < end; i++) {
                Entry e = entries.get(i);
                double len = e.value * scale / thick;
                cells.add(w >= h ? new Cell(e.label, e.value, e.others, x, y + along, thick, len)
                        : new Cell(e.label, e.value, e.others, x + along, y, len, thick));
                along += len;
            }
            if (w >= h) {
                x += thick;
                w -= thick;
            } else {
                y += thick;
                h -= thick;
            }
            start = end;
        }
        return cells;
    }

    /** The worst aspect ratio of the cells start..end-1 laid along {@code side} (their areas sum to {@code sum}). */
    private static double worst(List<Entry> entries, int start, int end, double sum, double side, double scale) {
        double max = entries.get(start).value * scale; // sorted largest first
        double min = entries.get(end - 1).value * scale;
        double s2 = side * side;
        double sum2 = sum * sum;
        return Math.max(s2 * max / sum2, sum2 / (s2 * min));
    }

    private record Entry(String label, long value, int others) {
    }

    /** Positive values, largest first; past {@code maxCells - 1} the rest summed in one entry. */
    private static List<Entry> entries(List<Item> items, int maxCells) {
        List<Item> positive = new ArrayList<>(items.stream().filter(i -> i.value() > 0).toList());
        positive.sort(Comparator.comparingLong(Item::value).reversed().thenComparing(Item::label));
        List<Entry> entries = new ArrayList<>();
        int keep = positive.size() <= maxCells ? positive.size() : Math.max(0, maxCells - 1);
        for (Item i : positive.subList(0, keep)) {
            entries.add(new Entry(i.label(), i.value(), 0));
        }
        if (keep < positive.size()) {
            long rest = 0;
            for (Item i : positive.subList(keep, positive.size())) {
                rest += i.value();
            }
            int n = positive.size() - keep;
            entries.add(new Entry("(other " + n + " types)", rest, n));
            entries.sort(Comparator.comparingLong(Entry::value).reversed());
        }
        return entries;
    }
}

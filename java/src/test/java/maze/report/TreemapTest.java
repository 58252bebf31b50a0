package maze.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The squarified layout: areas in proportion, inside the box, no overlap, the tail summed. */
class TreemapTest {
    private static final double W = 1200;
    private static final double H = 560;

    private static List<Treemap.Item> items(long... values) {
        List<Treemap.Item> items = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            items.add(new Treemap.Item("t" + i, values[i]));
        }
        return items;
    }

    @Test
    void areasAreInProportionInsideTheBoxWithoutOverlap() {
        long[] values = {6000, 6000, 4000, 3000, 2000, 2000, 1000, 5, 1};
        List<Treemap.Cell> cells = Treemap.layout(items(values), 300, W, H);
        assertEquals(values.length, cells.size());
        long total = 0;
        for (long v : values) {
            total += v;
        }
        double area = 0;
        for (Treemap.Cell c : cells) {
            double expected = W * H * c.value() / total;
            assertEquals(expected, c.w() * c.h(), expected * 1e-9, c.label());
            assertTrue(c.x() >= -1e-9 && c.y() >= -1e-9 && c.x() + c.w() <= W + 1e-6 && c.y() + c.h() <= H + 1e-6, c.toString());
            area += c.w() * c.h();
        }
        assertEquals(W * H, area, 1e-6);
        for (int i = 0; i < cells.size(); i++) {
            for (int j = i + 1; j < cells.size(); j++) {
                Treemap.Cell a = cells.get(i);
                Treemap.Cell b = cells.get(j);
                double ox = Math.min(a.x() + a.w(), b.x() + b.w()) - Math.max(a.x(), b.x());
                double oy = Math.min(a.y() + a.h(), b.y() + b.h()) - Math.max(a.y(), b.y());
                assertTrue(ox <= 1e-6 || oy <= 1e-6, a.label() + " overlaps " + b.label());
            }
        }
    }

    @Test
    void thePapersWorkedExampleComesOutAsPublished() {
        // Bruls, Huizing, van Wijk (2000), figure 4: 6,6,4,3,2,2,1 in a 6 x 4 box. The two 6s fill a
        // column 3 wide; the 4 and 3 a row 7/3 high beside it; 2, 2 and 1 the last row, 5/3 high.
        List<Treemap.Cell> cells = Treemap.layout(items(6, 6, 4, 3, 2, 2, 1), 300, 6, 4);
        double[][] expected = {{0, 0, 3, 2}, {0, 2, 3, 2}, {3, 0, 12.0 / 7, 7.0 / 3}, {3 + 12.0 / 7, 0, 9.0 / 7, 7.0 / 3},
            {3, 7.0 / 3, 6.0 / 5, 5.0 / 3}, {3 + 6.0 / 5, 7.0 / 3, 6.0 / 5, 5.0 / 3}, {3 + 12.0 / 5, 7.0 / 3, 3.0 / 5, 5.0 / 3}};
        assertEquals(expected.length, cells.size());
        for (int i = 0; i < expected.length; i++) {
            Treemap.Cell c = cells.get(i);
            double[] got = {c.x(), c.y(), c.w(), c.h()};
            for (int k = 0; k < 4; k++) {
                assertEquals(expected[i][k], got[k], 1e-9, c.toString());
            }
        }
    }

    @Test
    void theTailPastTheCellLimitIsOneCell() {
        long[] values = new long[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100_000 - i;
        }
        List<Treemap.Cell> cells = Treemap.layout(items(values), 300, W, H);
        assertEquals(300, cells.size());
        Treemap.Cell other = cells.stream().filter(c -> c.others() > 0).findFirst().orElseThrow();
        assertEquals(100_000 - 299, other.others());
        assertEquals("(other 99701 types)", other.label());
        long rest = 0;
        for (int i = 299; i < values.length; i++) {
            rest += values[i];
        }
        assertEquals(rest, other.value());
    }

    @Test
    void zeroAndNegativeValuesGetNoCell() {
        assertEquals(List.of("t1"), Treemap.layout(items(0, 5, -3), 300, W, H).stream().map(Treemap.Cell::label).toList());
        assertTrue(Treemap.layout(items(0, -1), 300, W, H).isEmpty());
    }
}

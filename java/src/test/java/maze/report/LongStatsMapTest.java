package maze.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongStatsMapTest {

    @Test
    void sumsAgreeWithAPlainMapThroughManyGrowths() {
        LongStatsMap map = new LongStatsMap();
        Map<Long, long[]> expected = new HashMap<>();
        Random rnd = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            // sizes, negative class keys, and keys that collide in the low bits
            long key = switch (i % 3) {
                case 0 -> 16L * rnd.nextInt(5000);
                case 1 -> -1L - rnd.nextInt(300);
                default -> ((long) rnd.nextInt(50)) << 40;
            };
            long bytes = rnd.nextInt(1 << 20);
            map.add(key, bytes);
            long[] e = expected.computeIfAbsent(key, k -> new long[2]);
            e[0]++;
            e[1] += bytes;
        }
        assertEquals(expected.size(), map.size());
        int seen = 0;
        for (int slot = 0; slot < map.capacity(); slot++) {
            if (map.usedAt(slot)) {
                long[] e = expected.get(map.keyAt(slot));
                assertEquals(e[0], map.countAt(slot), "count of " + map.keyAt(slot));
                assertEquals(e[1], map.totalAt(slot), "total of " + map.keyAt(slot));
                seen++;
            }
        }
        assertEquals(expected.size(), seen);
    }

    @Test
    void theFreeMarkerIsNoKey() {
        assertThrows(IllegalArgumentException.class, () -> new LongStatsMap().add(Long.MIN_VALUE, 1));
    }
}

package maze.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;
import maze.classify.TypeKeys;
import maze.classify.TypeNames;
import org.junit.jupiter.api.Test;

class RankingTest {
    private static final TypeNames NAMES = new TypeNames(List.of("A", "B"));

    private static TypeAggregator aggregate() {
        TypeAggregator agg = new TypeAggregator();
        long a = 0x1000;
        for (int i = 0; i < 10; i++) {
            agg.block(a += 64, 24, 0, TypeKeys.ofSize(24));   // 240 bytes, 10 blocks
        }
        for (int i = 0; i < 5; i++) {
            agg.block(a += 64, 48, 0, TypeKeys.ofSize(48));   // 240 bytes, 5 blocks
        }
        for (int i = 0; i < 3; i++) {
            agg.block(a += 64, 80, 0, TypeKeys.ofClass(1));   // 240 bytes, 3 blocks, "C++ B"
        }
        for (int i = 0; i < 3; i++) {
            agg.block(a += 64, 80, 0, TypeKeys.ofClass(0));   // 240 bytes, 3 blocks, "C++ A"
        }
        agg.block(a += 64, 4096, 0, TypeKeys.ofSize(4096));
        agg.block(a += 64, 40, 0, TypeKeys.ofClass(0));
        agg.block(a + 64, 8, 0, TypeKeys.ofSize(8));
        return agg;
    }

    private static List<String> types(List<ReportRow> rows) {
        return rows.stream().map(ReportRow::type).collect(Collectors.toList());
    }

    @Test
    void largestTotalFirstThenMoreBlocksThenName() {
        Ranking r = aggregate().ranking(NAMES, 0);
        assertEquals(List.of("malloc(4096)", "C++ A", "malloc(24)", "malloc(48)", "C++ B", "malloc(8)"),
                types(r.shown()));
        ReportRow a = r.shown().get(1);
        assertEquals(4, a.amount());
        assertEquals(280, a.totalSize());
        assertEquals(70, a.avgSize());
        assertNull(r.other());
    }

    @Test
    void topKeepsTheFirstRowsAndSumsTheRestIntoOneLine() {
        TypeAggregator agg = aggregate();
        Ranking r = agg.ranking(NAMES, 2);
        assertEquals(List.of("malloc(4096)", "C++ A"), types(r.shown()));
        assertEquals(new ReportRow("(other 4 types)", 10 + 5 + 3 + 1, 240 * 3 + 8), r.other());
        long amount = r.other().amount() + r.shown().stream().mapToLong(ReportRow::amount).sum();
        long bytes = r.other().totalSize() + r.shown().stream().mapToLong(ReportRow::totalSize).sum();
        assertEquals(agg.liveBlocks(), amount);
        assertEquals(agg.liveBytes(), bytes);
        assertEquals(24, agg.liveBlocks());
        assertNull(agg.ranking(NAMES, 6).other(), "a top as large as the type count cuts nothing");
    }

    @Test
    void averagesRoundToTheNearestByte() {
        assertEquals(3, new ReportRow("x", 2, 5).avgSize());
        assertEquals(2, new ReportRow("x", 3, 7).avgSize());
        assertEquals(0, new ReportRow("x", 0, 0).avgSize());
    }
}

package maze.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import maze.core.Segment;
import org.junit.jupiter.api.Test;

class SegmentTableTest {

    /** The plain answer: scan every segment. */
    private static int linearFind(List<Segment> sorted, long address) {
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).contains(address)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void findAgreesWithALinearSearchIncludingAddressesAboveTheSignBit() {
        Random rnd = new Random(7);
        for (int count : new int[] {0, 1, 2, 3, 17, 64, 129}) {
            List<Segment> segments = new ArrayList<>();
            long at = 0x1000;
            for (int i = 0; i < count; i++) {
                at += 0x1000L * rnd.nextInt(4);
                long size = 0x1000L * (1 + rnd.nextInt(3));
                segments.add(new Segment(i == count - 1 ? 0xffffffffff600000L : at, size, 0, size, Segment.PF_R));
                at += size;
            }
            List<Segment> shuffled = new ArrayList<>(segments);
            Collections.shuffle(shuffled, rnd);
            SegmentTable table = new SegmentTable(shuffled, Long.MAX_VALUE);
            for (int k = 0; k < 2000; k++) {
                long address = k % 10 == 0 ? 0xffffffffff600000L + rnd.nextInt(0x5000) : rnd.nextInt((int) at + 0x2000);
                int expected = linearFind(segments, address);
                int got = table.find(address);
                assertEquals(expected < 0 ? -1 : segments.get(expected).vaddr(), got < 0 ? -1 : table.start[got],
                        "address 0x" + Long.toHexString(address) + " among " + count);
            }
        }
    }
}

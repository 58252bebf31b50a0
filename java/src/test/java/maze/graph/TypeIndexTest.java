package maze.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.TreeSet;
import maze.classify.TypeKeys;
import org.junit.jupiter.api.Test;

/** TypeIndex: the distinct keys in order, and each block's key found again, for few and for many types. */
class TypeIndexTest {
    @Test
    void everyBlockKeepsItsKeyAndTheKeysAreTheDistinctOnesInOrder() {
        Random rnd = new Random(5);
        for (int table = 0; table < 50; table++) {
            int types = 1 + rnd.nextInt(table % 2 == 0 ? 10 : 5000);
            BlockTable.Builder b = new BlockTable.Builder();
            TreeSet<Long> distinct = new TreeSet<>();
            long[] expected = new long[rnd.nextInt(20000)];
            for (int i = 0; i < expected.length; i++) {
                int t = rnd.nextInt(types);
                long key = t % 3 == 0 ? TypeKeys.ofClass(t) : TypeKeys.ofSize(8L * t);
                long size = TypeKeys.isClass(key) ? 64 : key;
                b.block(0x10000 + 0x100000L * i, size, 0, key);
                expected[i] = TypeKeys.isClass(key) ? key : TypeKeys.ofSize(size);
                distinct.add(expected[i]);
            }
            BlockTable blocks = b.build();
            TypeIndex index = TypeIndex.of(blocks);
            assertArrayEquals(distinct.stream().mapToLong(Long::longValue).toArray(), index.keys(), "table " + table);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], index.keys()[index.of(i)], "table " + table + ", block " + i);
            }
        }
    }
}

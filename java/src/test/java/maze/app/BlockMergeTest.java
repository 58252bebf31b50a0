package maze.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import maze.heap.BlockSink;
import org.junit.jupiter.api.Test;

class BlockMergeTest {
    @Test
    void runsOfSeveralAllocatorsComeOutInAddressOrder() throws Exception {
        List<String> out = new ArrayList<>();
        try (BlockMerge merge = new BlockMerge()) {
            BlockSink a = merge.newRun();
            BlockSink b = merge.newRun();
            BlockSink empty = merge.newRun();
            a.block(0x1000, 16, 0);
            a.block(0x7f0000000000L, 32, 2);
            b.block(0x2000, 24, 0);
            b.block(0x3000, 40, 1);
            merge.replay((address, size, flags) -> out.add(Long.toHexString(address) + ":" + size + ":" + flags));
        }
        assertEquals(List.of("1000:16:0", "2000:24:0", "3000:40:1", "7f0000000000:32:2"), out);
    }
}

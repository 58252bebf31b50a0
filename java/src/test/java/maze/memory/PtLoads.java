package maze.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import maze.core.Segment;

/**
 * The PT_LOAD headers of an ELF64 core, read plainly. Only for tests and the benchmark, which must
 * not wait for the real core reader; it checks nothing beyond what they need.
 */
public final class PtLoads {
    private PtLoads() {
    }

    public static List<Segment> read(Path core) throws IOException {
        try (FileChannel ch = FileChannel.open(core)) {
            ByteBuffer eh = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(eh, 0);
            long phoff = eh.getLong(32);
            int phentsize = eh.getShort(54) & 0xffff;
            int phnum = eh.getShort(56) & 0xffff;
            ByteBuffer ph = ByteBuffer.allocate(phentsize * phnum).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(ph, phoff);
            List<Segment> out = new ArrayList<>();
            for (int i = 0; i < phnum; i++) {
                int p = i * phentsize;
                if (ph.getInt(p) == 1) {
                    out.add(new Segment(ph.getLong(p + 16), ph.getLong(p + 40), ph.getLong(p + 8),
                            ph.getLong(p + 32), ph.getInt(p + 4)));
                }
            }
            return out;
        }
    }
}

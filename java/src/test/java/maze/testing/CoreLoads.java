package maze.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The sum of an ELF64 core's PT_LOAD p_memsz, read here from the program headers without maze's
 * reader, so an accounting test checks maze against an independent total.
 */
public final class CoreLoads {
    private static final int PT_LOAD = 1;
    private static final int PN_XNUM = 0xffff;

    private CoreLoads() {
    }

    public static long memSizeSum(Path core) throws IOException {
        try (FileChannel ch = FileChannel.open(core, StandardOpenOption.READ)) {
            ByteBuffer eh = read(ch, 0, 64);
            long phoff = eh.getLong(0x20);
            int phentsize = Short.toUnsignedInt(eh.getShort(0x36));
            long phnum = Short.toUnsignedInt(eh.getShort(0x38));
            if (phnum == PN_XNUM) {
                // too many segments for e_phnum: the real count is section header 0's sh_info
                phnum = Integer.toUnsignedLong(read(ch, eh.getLong(0x28), 64).getInt(0x2c));
            }
            long sum = 0;
            for (long i = 0; i < phnum; i++) {
                ByteBuffer ph = read(ch, phoff + i * phentsize, 56);
                if (ph.getInt(0) == PT_LOAD) {
                    sum += ph.getLong(0x28);
                }
            }
            return sum;
        }
    }

    private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new IOException("core ends inside its ELF headers at " + (at + b.position()));
            }
        }
        return b.flip();
    }
}

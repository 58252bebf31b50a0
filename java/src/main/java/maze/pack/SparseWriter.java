package maze.pack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes a new file, leaving each all-zero chunk as a hole: gcore writes zeros for every
 * reservation (often most of a core), and an extracted core need not occupy them on disk.
 */
final class SparseWriter implements AutoCloseable {
    static final int CHUNK = 1 << 20;
    private static final byte[] ZEROS = new byte[CHUNK];

    private final FileChannel channel;
    private long position;

    SparseWriter(Path target) throws IOException {
        channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE, LinkOption.NOFOLLOW_LINKS);
    }

    /** Appends {@code n <= CHUNK} bytes of {@code buf}. */
    void write(byte[] buf, int n) throws IOException {
        if (Arrays.mismatch(buf, 0, n, ZEROS, 0, n) == -1) {
            position += n; // a hole: reads back as zeros
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
        while (b.hasRemaining()) {
            position += channel.write(b, position);
        }
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            if (channel.size() < position) {
                channel.write(ByteBuffer.wrap(new byte[1]), position - 1); // a trailing hole still counts in the size
            }
        }
    }
}

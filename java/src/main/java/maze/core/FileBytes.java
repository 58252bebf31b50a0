package maze.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bounds-checked little-endian reads from a file. Every read past the end becomes a
 * {@link CoreFormatException} naming the file, so parsers never see an index exception.
 */
final class FileBytes implements AutoCloseable {
    /** Reads larger than this are memory-mapped instead of copied (symbol and string tables). */
    private static final int MAP_THRESHOLD = 1 << 16;

    private final Path path;
    private final FileChannel channel;
    private final long size;

    private FileBytes(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    static FileBytes open(Path path) {
        if (!Files.exists(path)) {
            throw new CoreFormatException(path, "no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw new CoreFormatException(path, "not a regular file");
        }
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
            return new FileBytes(path, ch, ch.size());
        } catch (NoSuchFileException e) {
            throw new CoreFormatException(path, "no such file");
        } catch (AccessDeniedException e) {
            throw new CoreFormatException(path, "permission denied");
        } catch (IOException e) {
            throw new CoreFormatException(path, "cannot open: " + e.getMessage());
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    boolean has(long offset, long len) {
        return offset >= 0 && len >= 0 && offset <= size && len <= size - offset;
    }

    /** Exactly {@code len} bytes at {@code offset}, little-endian, position 0; {@code what} names it in errors. */
    ByteBuffer read(long offset, long len, String what) {
        if (!has(offset, len) || len > Integer.MAX_VALUE) {
            throw new CoreFormatException(path, String.format(
                    "truncated: %s needs %d bytes at offset 0x%x, the file has %d", what, len, offset, size));
        }
        try {
            ByteBuffer b;
            if (len > MAP_THRESHOLD) {
                b = channel.map(FileChannel.MapMode.READ_ONLY, offset, len);
            } else {
                b = ByteBuffer.allocate((int) len);
                while (b.hasRemaining()) {
                    if (channel.read(b, offset + b.position()) < 0) {
                        throw new CoreFormatException(path, "file shrank while reading " + what);
                    }
                }
                b.flip();
            }
            return b.order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new CoreFormatException(path, "cannot read " + what + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only: nothing was lost
        }
    }
}

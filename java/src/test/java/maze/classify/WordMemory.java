package maze.classify;

import java.util.HashMap;
import java.util.Map;
import maze.memory.MemoryView;
import maze.memory.UnmappedAddressException;

/** A memory that holds only the 8-byte words a test put in it. */
final class WordMemory implements MemoryView {
    private final Map<Long, Long> words = new HashMap<>();

    WordMemory put(long address, long word) {
        words.put(address, word);
        return this;
    }

    @Override
    public void read(long address, byte[] dst, int offset, int len) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long readLong(long address) {
        Long w = words.get(address);
        if (w == null) {
            throw new UnmappedAddressException(address, "test");
        }
        return w;
    }

    @Override
    public int readInt(long address) {
        return (int) readLong(address);
    }

    @Override
    public boolean isAvailable(long address, long len) {
        return len <= 8 && words.containsKey(address);
    }
}

package maze.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;
import maze.memory.MemoryView;
import maze.memory.UnmappedAddressException;

/** Synthetic process memory for unit tests: little-endian regions placed at addresses. */
public final class FakeMemory implements MemoryView {
    private final TreeMap<Long, ByteBuffer> regions = new TreeMap<>();

    /** Adds a zero-filled region [address, address + size). */
    public FakeMemory region(long address, int size) {
        regions.put(address, ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN));
        return this;
    }

    public FakeMemory putLong(long address, long value) {
        Map.Entry<Long, ByteBuffer> e = at(address, 8);
        e.getValue().putLong((int) (address - e.getKey()), value);
        return this;
    }

    public FakeMemory putInt(long address, int value) {
        Map.Entry<Long, ByteBuffer> e = at(address, 4);
        e.getValue().putInt((int) (address - e.getKey()), value);
        return this;
    }

    private Map.Entry<Long, ByteBuffer> at(long address, long len) {
        Map.Entry<Long, ByteBuffer> e = regions.floorEntry(address);
        if (e == null || address - e.getKey() + len > e.getValue().capacity()) {
            throw new UnmappedAddressException(address, "fake memory");
        }
        return e;
    }

    @Override
    public void read(long address, byte[] dst, int offset, int len) {
        Map.Entry<Long, ByteBuffer> e = at(address, len);
        e.getValue().get((int) (address - e.getKey()), dst, offset, len);
    }

    @Override
    public long readLong(long address) {
        Map.Entry<Long, ByteBuffer> e = at(address, 8);
        return e.getValue().getLong((int) (address - e.getKey()));
    }

    @Override
    public int readInt(long address) {
        Map.Entry<Long, ByteBuffer> e = at(address, 4);
        return e.getValue().getInt((int) (address - e.getKey()));
    }

    @Override
    public boolean isAvailable(long address, long len) {
        Map.Entry<Long, ByteBuffer> e = regions.floorEntry(address);
        return e != null && address - e.getKey() + len <= e.getValue().capacity();
    }
}

package maze.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import maze.memory.MemoryView;

/** A memory view that remembers the names of the threads that read words through it: was a walk parallel? */
public final class ThreadRecordingMemory implements MemoryView {
    private final MemoryView inner;
    private final Set<String> readers = ConcurrentHashMap.newKeySet();

    public ThreadRecordingMemory(MemoryView inner) {
        this.inner = inner;
    }

    /** Names of the threads that read a word or an int. */
    public Set<String> readers() {
        return readers;
    }

    @Override
    public void read(long address, byte[] dst, int offset, int len) {
        inner.read(address, dst, offset, len);
    }

    @Override
    public long readLong(long address) {
        readers.add(Thread.currentThread().getName());
        return inner.readLong(address);
    }

    @Override
    public int readInt(long address) {
        readers.add(Thread.currentThread().getName());
        return inner.readInt(address);
    }

    @Override
    public boolean isAvailable(long address, long len) {
        return inner.isAvailable(address, len);
    }
}

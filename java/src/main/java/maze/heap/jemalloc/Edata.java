package maze.heap.jemalloc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import maze.memory.MemoryView;

/**
 * One {@code edata_t} (an extent's header), read whole into a reused buffer. The packed
 * {@code e_bits} positions are not in DWARF (macros of edata.h, 5.3.0): the walker checks them
 * against the extent map's own copy of state, szind and slab before trusting an extent.
 */
final class Edata {
    static final int SLAB_SHIFT = 12;
    static final int STATE_SHIFT = 17;
    static final int SZIND_SHIFT = 20;
    static final int NFREE_SHIFT = 28;
    private static final long PAGE_MASK = 4095;

    private final MemoryView mem;
    private final JeLayout l;
    private final byte[] raw;
    private final ByteBuffer buf;
    long address;

    Edata(MemoryView mem, JeLayout l) {
        this.mem = mem;
        this.l = l;
        raw = new byte[(int) l.edataSize()];
        buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** False when the header is not in the core. */
    boolean load(long edata) {
        if (!mem.isAvailable(edata, raw.length)) {
            return false;
        }
        mem.read(edata, raw, 0, raw.length);
        address = edata;
        return true;
    }

    long bits() {
        return buf.getLong((int) l.eBits().offset());
    }

    int state() {
        return (int) (bits() >>> STATE_SHIFT) & 7;
    }

    int szind() {
        return (int) (bits() >>> SZIND_SHIFT) & 0xff;
    }

    boolean slab() {
        return ((bits() >>> SLAB_SHIFT) & 1) != 0;
    }

    int nfree() {
        return (int) (bits() >>> NFREE_SHIFT) & 0x3ff;
    }

    /** The pointer given out: a large extent's may lie inside its first page (cache-oblivious). */
    long addr() {
        return buf.getLong((int) l.eAddr().offset());
    }

    long base() {
        return addr() & ~PAGE_MASK;
    }

    long size() {
        return buf.getLong((int) l.eSizeEsn().offset()) & ~PAGE_MASK;
    }

    /** The slab bitmap's group {@code g} (64 regions; a set bit is a free region). */
    long bitmapGroup(int g) {
        return buf.getLong((int) l.eSlabData() + 8 * g);
    }

    /** How many bitmap groups the header holds. */
    int bitmapGroups() {
        return (raw.length - (int) l.eSlabData()) / 8;
    }
}

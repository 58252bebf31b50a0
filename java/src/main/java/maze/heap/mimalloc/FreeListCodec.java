package maze.heap.mimalloc;

import maze.heap.FieldReader;
import maze.layout.FieldLayout;

/**
 * How a free-list {@code next} word is stored. Plain builds store the pointer; builds with
 * MI_ENCODE_FREELIST store rotl(p ^ k1, k0) + k0, with the owner's address (page or heap)
 * standing for NULL, so a stray write rarely decodes to a valid block.
 */
public record FreeListCodec(boolean encoded, long k0, long k1, long nullValue) {
    public static final FreeListCodec PLAIN = new FreeListCodec(false, 0, 0, 0);

    public static FreeListCodec keys(long k0, long k1, long owner) {
        return new FreeListCodec(true, k0, k1, owner);
    }

    /** The codec of the lists {@code owner} (a page or heap) heads: its {@code keys} field, PLAIN without one. */
    public static FreeListCodec of(FieldReader mem, long owner, FieldLayout keys) {
        if (keys == null) {
            return PLAIN;
        }
        long at = owner + keys.offset();
        return keys(mem.word(at, 0), mem.word(at + 8, 0), owner);
    }

    /** The next block, 0 for the end of the list. */
    long decode(long stored) {
        if (!encoded) {
            return stored;
        }
        long p = Long.rotateRight(stored - k0, (int) (k0 & 63)) ^ k1;
        return p == nullValue ? 0 : p;
    }

    public long encode(long p) {
        if (!encoded) {
            return p;
        }
        long x = p == 0 ? nullValue : p;
        return Long.rotateLeft(x ^ k1, (int) (k0 & 63)) + k0;
    }
}

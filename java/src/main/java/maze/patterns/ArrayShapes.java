package maze.patterns;

import java.util.function.LongToIntFunction;
import maze.classify.TypeKeys;
import maze.graph.BlockTable;

/**
 * Arrays told by their words and the classes they lead to (Itanium C++ ABI, x86-64):
 * <ul>
 * <li>{@code new T[n]} of a polymorphic class with a destructor: g++ puts n in the 8 bytes before
 * the elements (the array cookie), so the block holds n &gt;= 2, then T's vtable pointer at offset 8
 * and again every sizeof(T) bytes, n times in all, and n elements fill the block but for the
 * allocator's rounding;</li>
 * <li>{@code T*[]}: the first word points at the start of a block named by T's vtable, and so does
 * every word after it that is not 0, at least two of them, up to a tail no longer than the
 * allocator's rounding (an array of pointers asked for is shorter than its block, and the
 * difference holds old bytes);</li>
 * <li>a vector body's elements [begin, end): each 0 or the start of a block of one class T.</li>
 * </ul>
 * A count of 1 is left out: a struct holding a count of 1 and then an object looks the same.
 */
final class ArrayShapes {
    /** The smallest rounding: glibc's smallest chunk holds 24 bytes for an 8-byte request. */
    private static final long MIN_SLACK = 16;

    private final BlockTable blocks;
    private final NodeShapes words;
    private final LongToIntFunction vtableClass;

    ArrayShapes(BlockTable blocks, NodeShapes words, LongToIntFunction vtableClass) {
        this.blocks = blocks;
        this.words = words;
        this.vtableClass = vtableClass;
    }

    /**
     * How much longer than the request a block of {@code size} may be: glibc adds at most 16 bytes
     * to a request that is a multiple of 8; the size-class allocators (jemalloc's four classes per
     * doubling, mimalloc's, tcmalloc's) less than a fifth of the class; mmapped blocks less than a page
     * (a fifth of anything mmapped).
     */
    static long slack(long size) {
        return Math.max(MIN_SLACK, size / 5);
    }

    /** The element count of a {@code new T[n]} with its cookie in block b, else 0. */
    long newArrayCount(int b) {
        long s = blocks.start(b);
        long size = blocks.size(b);
        long n = words.word(s);
        if (size < 24 || n < 2 || n > (size - 8) / 8) {
            return 0;
        }
        long vptr = words.word(s + 8);
        if (vtableClass.applyAsInt(vptr) < 0) {
            return 0;
        }
        long stride = 0;
        for (long step = 8; step <= (size - 8) / n && stride == 0; step += 8) {
            stride = words.word(s + 8 + step) == vptr ? step : 0;
        }
        if (stride == 0 || size - (8 + n * stride) > slack(size)) {
            return 0;
        }
        for (long i = 2; i < n; i++) {
            if (words.word(s + 8 + i * stride) != vptr) {
                return 0;
            }
        }
        return n;
    }

    /** The class of the first element of a new[] array in block b (its vtable at offset 8). */
    int newArrayClass(int b) {
        return vtableClass.applyAsInt(words.word(blocks.start(b) + 8));
    }

    /** The class T if block b is a {@code T*[]}, else -1. */
    int pointerArrayClass(int b) {
        long s = blocks.start(b);
        long end = blocks.end(b);
        int t = classAt(words.word(s));
        if (t < 0 || end - s < 16) {
            return -1;
        }
        long prefixEnd = s;
        int pointers = 0;
        for (long a = s; a + 8 <= end; a += 8) {
            long w = words.word(a);
            if (w != 0) {
                if (classAt(w) != t) {
                    break;
                }
                pointers++;
            }
            prefixEnd = a + 8;
        }
        return pointers >= 2 && end - prefixEnd <= slack(end - s) ? t : -1;
    }

    /** The class T if every word in [begin, end) is 0 or the start of a T block, at least one not 0; else -1. */
    int elementClass(long begin, long end) {
        int t = -1;
        for (long a = begin; a + 8 <= end; a += 8) {
            long w = words.word(a);
            if (w != 0) {
                int c = classAt(w);
                if (c < 0 || (t >= 0 && c != t)) {
                    return -1;
                }
                t = c;
            }
        }
        return t;
    }

    /** The class id of the block starting at {@code address}, or -1 (no block starts there, or it has no vtable). */
    private int classAt(long address) {
        int n = blocks.count();
        if ((address & 7) != 0 || n == 0 || address < blocks.start(0) || address >= blocks.end(n - 1)) {
            return -1; // most first words: no search
        }
        int i = blocks.indexOf(address);
        if (i < 0 || blocks.start(i) != address || !TypeKeys.isClass(blocks.type(i))) {
            return -1;
        }
        return TypeKeys.classId(blocks.type(i));
    }
}

package maze.heap.tcmalloc;

import maze.heap.FieldReader;
import maze.core.Module;
import maze.core.ProgramHeader;
import maze.core.Segment;
import maze.heap.ModuleEvidence;

/**
 * The module's writable data (.data and .bss: its writable PT_LOAD, at run-time addresses) as the
 * core holds it, read once as words for the searches of hidden statics. Pages the core lacks read
 * as zeros.
 */
final class ModuleData {
    private static final int PAGE = 4096;
    /** Larger writable data than this is not searched (tcmalloc's is under 2 MiB). */
    private static final long MAX_BYTES = 64L << 20;

    final long start;
    final long[] words;

    ModuleData(long start, long[] words) {
        this.start = start;
        this.words = words;
    }

    /** The writable segment of {@code mod}, or null when its file is not here or has none. */
    static ModuleData read(FieldReader m, Module mod) {
        ProgramHeader rw = ModuleEvidence.ask(mod, elf -> elf.programHeaders().stream()
                .filter(p -> p.type() == ProgramHeader.PT_LOAD && (p.flags() & Segment.PF_W) != 0)
                .findFirst().orElse(null));
        if (rw == null || rw.memSize() > MAX_BYTES) {
            return null;
        }
        long start = (rw.vaddr() + mod.loadBias()) & -8L;
        int count = (int) ((rw.vaddr() + mod.loadBias() + rw.memSize() - start + 7) / 8);
        long[] words = new long[count];
        for (int i = 0; i < count; i += PAGE / 8) {
            long[] chunk = m.words(start + 8L * i, Math.min(PAGE / 8, count - i));
            if (chunk != null) {
                System.arraycopy(chunk, 0, words, i, chunk.length);
            } else {
                for (int j = i; j < Math.min(count, i + PAGE / 8); j++) {
                    words[j] = m.word(start + 8L * j); // a chunk across a mapping's edge
                }
            }
        }
        return new ModuleData(start, words);
    }

    long end() {
        return start + 8L * words.length;
    }

    /** The 32-bit value at {@code address} (4-aligned) if inside, else 0. */
    int int32(long address) {
        return (int) (word(address & -8L) >>> (8 * (address & 4)));
    }

    /** The word at {@code address} (8-aligned) if inside, else 0. */
    long word(long address) {
        long i = (address - start) >> 3;
        return address >= start && i < words.length ? words[(int) i] : 0;
    }
}

package maze.robust;

import java.io.IOException;
import java.util.List;

/**
 * One way to damage a core: a word overwritten at a file offset, or the file cut to a length.
 * {@link #apply} returns what undoes it (a cut is not undone: cuts run last, longest first).
 */
record Mutation(String name, long offset, long value, long cutTo) {

    /** Overwrites the word at {@code vaddr}; null when the core does not hold that address. */
    static Mutation word(CoreImage core, String name, long vaddr, long value) {
        long off = core.offsetOf(vaddr);
        return off < 0 ? null : new Mutation(String.format("%s @0x%x := 0x%x", name, vaddr, value), off, value, -1);
    }

    /** Overwrites the word at a file offset (ELF header, program headers, notes). */
    static Mutation fileWord(String name, long offset, long value) {
        return new Mutation(String.format("%s @file+0x%x := 0x%x", name, offset, value), offset, value, -1);
    }

    static Mutation cut(long length, String why) {
        return new Mutation("truncate to " + length + " bytes (" + why + ")", -1, 0, length);
    }

    boolean isCut() {
        return cutTo >= 0;
    }

    Runnable apply(CoreImage core) throws IOException {
        if (isCut()) {
            core.truncate(cutTo);
            return () -> { };
        }
        long old = core.writeAt(offset, value);
        return () -> {
            try {
                core.writeAt(offset, old);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /** Adds m unless it is null (an address the core does not hold). */
    static void add(List<Mutation> to, Mutation m) {
        if (m != null) {
            to.add(m);
        }
    }
}

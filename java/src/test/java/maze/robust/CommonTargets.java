package maze.robust;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Damage any core can take: random words in writable memory and around blocks, and cut files. */
final class CommonTargets {
    private CommonTargets() {
    }

    static List<Mutation> words(CleanCore c, Random rnd, int n) {
        List<CoreImage.Load> writable = c.core().loads().stream().filter(CoreImage.Load::writable).toList();
        List<Mutation> out = new ArrayList<>();
        for (int i = 0; i < n && !writable.isEmpty(); i++) {
            CoreImage.Load l = writable.get(rnd.nextInt(writable.size()));
            long at = l.vaddr() + ((rnd.nextLong() & Long.MAX_VALUE) % Math.max(8, l.fileSize() - 8) & ~7L);
            Mutation.add(out, Mutation.word(c.core(), "random word", at, rnd.nextLong()));
        }
        for (int i = 0; i < n && c.address().length > 0; i++) {
            long block = c.address()[rnd.nextInt(c.address().length)];
            long at = block + (rnd.nextInt(64) - 32) * 8L;
            Mutation.add(out, Mutation.word(c.core(), "word near a block", at, rnd.nextLong()));
        }
        return out;
    }

    /** Words in the ELF header, program headers and notes: everything before the first segment's bytes. */
    static List<Mutation> headers(CleanCore c, Random rnd, int n) {
        long end = c.core().loads().get(0).fileOffset() - 8;
        long[] values = {-1L, 0, 1L << 40, 0x7fff_ffffL, rnd.nextLong(), 3};
        List<Mutation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long at = i < 8 ? 0x20 + 8L * i : (rnd.nextLong() & Long.MAX_VALUE) % end;
            out.add(Mutation.fileWord(i < 8 ? "ELF header" : "header or note", at, values[rnd.nextInt(values.length)]));
        }
        return out;
    }

    /** Cuts, longest first: each one shortens the file the next one cuts. */
    static List<Mutation> cuts(CleanCore c) throws IOException {
        long len = c.core().length();
        long firstLoad = c.core().loads().get(0).fileOffset();
        return List.of(Mutation.cut(len - 4096, "last page gone"), Mutation.cut(len / 2, "half"),
                Mutation.cut(firstLoad + 100, "first segment cut"), Mutation.cut(firstLoad - 1, "notes cut"),
                Mutation.cut(100, "program headers cut"));
    }

    private static final long[] SMALL = {1, 2, 3, 8, 0x10, 0x11, 0x1000, 0x10000, 0x7fff_ffff, 0xffff_ffffL};

    /** A value that looks like something: a pointer near {@code near} or to itself, a small count, all ones. */
    static long randomPointerish(Random rnd, long near) {
        return switch (rnd.nextInt(6)) {
            case 0 -> rnd.nextLong();
            case 1 -> near + (rnd.nextInt(1 << 20) - (1 << 19)) * 8L;
            case 2 -> near;
            case 3 -> SMALL[rnd.nextInt(SMALL.length)];
            case 4 -> near + (rnd.nextInt(17) - 8) * 8L;
            default -> -1L;
        };
    }
}

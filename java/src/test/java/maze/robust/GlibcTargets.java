package maze.robust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import maze.cache.CacheFiles;

/**
 * glibc malloc metadata to damage: chunk size words, main_arena's top/next/bins/fastbins, mp_,
 * the tcache, and the links in freed chunks. Global addresses come from libc's entry in maze's
 * layout cache (the clean run filled it) plus libc's load address.
 */
final class GlibcTargets {
    private GlibcTargets() {
    }

    static List<Mutation> of(CleanCore c, Random rnd) throws IOException {
        List<Mutation> out = new ArrayList<>();
        sizeWords(c, rnd, out);
        JsonNode libc = libcLayouts();
        long arena = c.libcBase() + libc.at("/symbols/main_arena").asLong();
        long mp = c.libcBase() + libc.at("/symbols/mp_").asLong();
        JsonNode ms = libc.at("/structs/struct malloc_state/fields");
        for (String f : List.of("top", "next", "system_mem", "fastbinsY", "bins", "last_remainder")) {
            long at = arena + ms.at("/" + f + "/offset").asLong();
            Mutation.add(out, Mutation.word(c.core(), "main_arena." + f, at, CommonTargets.randomPointerish(rnd, at)));
        }
        Mutation.add(out, Mutation.word(c.core(), "main_arena.next (self+16)", arena + ms.at("/next/offset").asLong(), arena + 16));
        JsonNode mpf = libc.at("/structs/struct malloc_par/fields");
        for (String f : List.of("sbrk_base", "n_mmaps", "mmapped_mem")) {
            long at = mp + mpf.at("/" + f + "/offset").asLong();
            Mutation.add(out, Mutation.word(c.core(), "mp_." + f, at, CommonTargets.randomPointerish(rnd, at)));
        }
        tcache(c, rnd, mp + mpf.at("/sbrk_base/offset").asLong(), libc, out);
        freedLinks(c, rnd, out);
        return out;
    }

    private static void sizeWords(CleanCore c, Random rnd, List<Mutation> out) throws IOException {
        long[] values = {0, -16L, 0x11, (rnd.nextLong() & 0xffff_fff8L) | 1, 1L << 40 | 1, 0x21};
        for (long v : values) {
            long block = c.address()[rnd.nextInt(c.address().length)];
            Mutation.add(out, Mutation.word(c.core(), sizeWordKind(c, block), block - 8, v));
        }
        Mutation.add(out, Mutation.word(c.core(), "last chunk size word", c.address()[c.address().length - 1] - 8, -16L));
        neighbours(c, rnd, out);
    }

    /** A flipped PREV_INUSE bit (the chunk before turns free or live), and a chunk grown over its live neighbour. */
    private static void neighbours(CleanCore c, Random rnd, List<Mutation> out) throws IOException {
        for (int i = 0; i < 2; i++) {
            int k = rnd.nextInt(c.address().length - 1);
            long chunk = c.address()[k] - 16;
            long sizeWord = c.core().word(chunk + 8);
            if ((sizeWord & 2) != 0) {
                continue; // mmapped: no neighbour
            }
            long next = chunk + (sizeWord & ~7L);
            Mutation.add(out, Mutation.word(c.core(), "PREV_INUSE flipped", next + 8, c.core().word(next + 8) ^ 1));
            if (c.address()[k + 1] == next + 16) {
                long grown = sizeWord + (c.core().word(next + 8) & ~7L);
                Mutation.add(out, Mutation.word(c.core(), SWALLOWS, chunk + 8, grown));
            }
        }
    }

    static final String TCACHE_ZEROED = "TLS tcache pointer zeroed";
    static final String SWALLOWS = "chunk size swallows the next live chunk";

    /**
     * An mmapped chunk memalign moved into its mapping keeps a header at the mapping start, and its
     * own header (prev_size = the lead) further in: damage to the inner one is told apart.
     */
    static String sizeWordKind(CleanCore c, long block) throws IOException {
        boolean memalignedMmapped = (c.core().word(block - 8) & 2) != 0 && c.core().word(block - 16) != 0;
        return memalignedMmapped ? MEMALIGNED_MMAPPED_SIZE : "chunk size word";
    }

    static final String MEMALIGNED_MMAPPED_SIZE = "memaligned mmapped chunk's inner size word";

    /** The main thread's tcache is the first chunk of the main heap, at sbrk_base. */
    private static void tcache(CleanCore c, Random rnd, long sbrkBaseAt, JsonNode libc, List<Mutation> out) throws IOException {
        long tcache = ((c.core().word(sbrkBaseAt) + 15) & ~15L) + 16;
        long entries = tcache + libc.at("/structs/struct tcache_perthread_struct/fields/entries/offset").asLong();
        Mutation.add(out, Mutation.word(c.core(), "tcache counts", tcache, -1L));
        threadPointers(c, rnd, tcache, out);
        for (int bin : new int[] {0, 1, 3}) {
            Mutation.add(out, Mutation.word(c.core(), "tcache entries[" + bin + "]", entries + 8L * bin,
                    CommonTargets.randomPointerish(rnd, entries)));
        }
    }

    /**
     * A thread's fs_base (in its NT_PRSTATUS) and the TLS slot holding the main thread's tcache
     * pointer (in libc's static TLS block, just below the thread pointer): either one garbled hides
     * that thread's tcache.
     */
    private static void threadPointers(CleanCore c, Random rnd, long tcache, List<Mutation> out) throws IOException {
        List<Long> fsBases = c.core().fsBaseOffsets();
        for (long off : fsBases) {
            long fsBase = c.core().readAt(off, 8);
            out.add(Mutation.fileWord("thread fs_base", off, CommonTargets.randomPointerish(rnd, fsBase)));
            for (long at = fsBase - 8; at > fsBase - 4096; at -= 8) {
                if (c.core().word(at) == tcache) {
                    Mutation.add(out, Mutation.word(c.core(), "TLS tcache pointer", at, CommonTargets.randomPointerish(rnd, tcache)));
                    Mutation.add(out, Mutation.word(c.core(), TCACHE_ZEROED, at, 0));
                }
            }
        }
    }

    private static void freedLinks(CleanCore c, Random rnd, List<Mutation> out) {
        for (int i = 0; i < 6 && c.freed().length > 0; i++) {
            long p = c.freed()[rnd.nextInt(c.freed().length)];
            long v = i % 3 == 0 ? p : CommonTargets.randomPointerish(rnd, p);
            Mutation.add(out, Mutation.word(c.core(), "free link", p + (i % 2) * 8L, v));
        }
    }

    static JsonNode libcLayouts() throws IOException {
        Path dir = CacheFiles.root().resolve("layouts");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode n = new ObjectMapper().readTree(f.toFile());
                if (n.path("file").asText().endsWith("/libc.so.6") && n.at("/symbols/main_arena").isNumber()) {
                    return n;
                }
            }
        }
        throw new AssertionError("no libc layouts with main_arena in " + dir);
    }
}

package maze.heap.glibc;

import java.util.ArrayList;
import java.util.List;
import maze.heap.MallocSpace;
import maze.heap.OwnedMemory;

/**
 * The memory glibc malloc owns, exactly what its arenas' system_mem and mp_.mmapped_mem count:
 * main_arena from sbrk_base to the end of top, each heap of another arena from its heap_info to
 * heap_info.size, each mmapped chunk's mapping. The rest of a heap's 64 MiB reservation is
 * reserved, not owned (glibc maps it PROT_NONE until the heap grows).
 */
final class GlibcOwned {
    private GlibcOwned() {
    }

    static OwnedMemory of(GlibcMemory m, List<Arena> arenas, List<long[]> mmapped, MallocSpace space) {
        List<OwnedMemory.Range> owned = new ArrayList<>();
        List<OwnedMemory.Range> reserved = new ArrayList<>();
        long sbrkBase = m.wordOr(m.mp() + m.layout().mpSbrkBase(), 0);
        for (Arena a : arenas) {
            String name = ArenaUsage.name(a);
            for (ChunkRange r : a.ranges()) {
                if (a.main()) {
                    owned.add(new OwnedMemory.Range(sbrkBase, r.end(), "glibc main_arena (sbrk heap)"));
                    continue;
                }
                long heap = r.start() & -Arenas.HEAP_MAX_SIZE;
                owned.add(new OwnedMemory.Range(heap, r.end(), "glibc " + name + " heap"));
                if (r.end() - heap < Arenas.HEAP_MAX_SIZE) {
                    reserved.add(new OwnedMemory.Range(r.end(), heap + Arenas.HEAP_MAX_SIZE,
                            "glibc " + name + " heap past its current size (reserved or given back; not in system_mem)"));
                }
            }
        }
        for (long[] c : mmapped) {
            owned.add(new OwnedMemory.Range(c[0], c[1], "glibc mmapped chunk"));
        }
        return new OwnedMemory(owned, reserved, space);
    }
}

package maze.heap.mimalloc;

import java.util.List;
import maze.core.ElfFile;
import maze.core.Module;
import maze.heap.HeapContext;

/**
 * Where a thread's {@code _mi_heap_default} is, relative to its thread pointer (fs_base). A shared
 * library reaches the hidden variable through a GOT slot the dynamic linker filled with that
 * offset (R_X86_64_TPOFF64), so the core holds the answer; no link_map walk is needed. An
 * executable's own TLS block has a fixed place (see {@link ModuleFile#executableTpoff}).
 */
public final class HeapTls {
    static final long UNKNOWN = Long.MIN_VALUE;
    /** Static TLS sits below the thread pointer, within a few MiB of it. */
    private static final long MAX_DISTANCE = 1L << 24;

    private HeapTls() {
    }

    public static long heapDefaultOffset(HeapContext ctx, Module mod, long tlsOffset) {
        if (tlsOffset < 0 || mod.localFile() == null) {
            return UNKNOWN;
        }
        List<Long> slots;
        try (ModuleFile file = new ModuleFile(ElfFile.open(mod.localFile()))) {
            if (mod.executable()) {
                return file.executableTpoff(tlsOffset);
            }
            slots = file.tpoffSlots(tlsOffset);
        } catch (RuntimeException e) {
            ctx.warnings().add("mimalloc thread heaps not read: %s", e.getMessage());
            return UNKNOWN;
        }
        for (long slot : slots) {
            long v = ctx.memory().readLongOr(mod.loadBias() + slot, 0);
            if (v < 0 && v > -MAX_DISTANCE) {
                return v;
            }
        }
        ctx.warnings().add("mimalloc thread heaps not read: no filled TLS slot for _mi_heap_default in %s", mod.path());
        return UNKNOWN;
    }
}

package maze.heap.glibc;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import maze.core.Module;
import maze.heap.HeapContext;
import maze.layout.LayoutException;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.memory.MemoryView;

/**
 * Where libc's thread-local block sits relative to a thread pointer. x86-64 uses TLS variant II:
 * a variable's address is fs_base - l_tls_offset + its offset in the block, with l_tls_offset from
 * libc's link_map entry (a private field: its offset comes from ld.so's DWARF).
 */
final class StaticTls {
    private static final long AT_BASE = 7;
    private static final int MAX_LINK_MAPS = 1 << 14;
    static final long UNKNOWN = Long.MIN_VALUE;
    static final LayoutRequest LDSO_REQUEST = new LayoutRequest(
            List.of("struct link_map"), List.of("_r_debug"), List.of());

    private StaticTls() {
    }

    /** libc's l_tls_offset, or {@link #UNKNOWN} with a warning saying why. */
    static long libcTlsOffset(HeapContext ctx, Module libc) {
        Long base = ctx.core().auxv().get(AT_BASE);
        Module ldso = base == null ? null : ctx.core().modules().stream()
                .filter(mod -> mod.loadBias() == base && !mod.executable()).findFirst().orElse(null);
        if (ldso == null) {
            ctx.warnings().add("no dynamic linker in the core (AT_BASE); thread caches (tcache) not read, their free chunks may show as live");
            return UNKNOWN;
        }
        try {
            LayoutSource ld = ctx.layouts(ldso, LDSO_REQUEST);
            long tlsOffsetField = ld.struct("struct link_map").offset("l_tls_offset");
            long rDebug = ld.symbol("_r_debug").orElseThrow(
                    () -> new LayoutException(ldso.path() + ": no symbol _r_debug"));
            return find(ctx.memory(), ldso.loadBias() + rDebug, libc.loadBias(), tlsOffsetField);
        } catch (LayoutException e) {
            ctx.warnings().add("thread caches (tcache) not read: " + e.getMessage());
            return UNKNOWN;
        }
    }

    private static long find(MemoryView mem, long rDebug, long libcBias, long tlsOffsetField) {
        long lm = mem.readLongOr(rDebug + 8, 0); // r_debug.r_map
        Set<Long> seen = new HashSet<>();
        while (lm != 0 && seen.size() < MAX_LINK_MAPS && seen.add(lm)) {
            if (mem.readLongOr(lm, -1) == libcBias) { // l_addr
                return mem.readLongOr(lm + tlsOffsetField, UNKNOWN);
            }
            lm = mem.readLongOr(lm + 24, 0); // l_next
        }
        return UNKNOWN;
    }
}

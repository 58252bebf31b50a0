package maze.heap.glibc;

import maze.core.Module;
import maze.heap.HeapContext;
import maze.layout.LayoutException;

/**
 * Where libc's thread-local block sits relative to a thread pointer. x86-64 uses TLS variant II:
 * a variable's address is fs_base - l_tls_offset + its offset in the block, with l_tls_offset from
 * libc's link_map entry (see {@link LinkMaps}).
 */
final class StaticTls {
    static final long UNKNOWN = LinkMaps.UNKNOWN;

    private StaticTls() {
    }

    /** libc's l_tls_offset, or {@link #UNKNOWN} with a warning saying why. */
    static long libcTlsOffset(HeapContext ctx, Module libc) {
        Module ldso = LinkMaps.dynamicLinker(ctx.core());
        if (ldso == null) {
            ctx.warnings().add("no dynamic linker in the core (AT_BASE); thread caches (tcache) not read, their free chunks may show as live");
            return UNKNOWN;
        }
        try {
            return LinkMaps.read(ctx, ldso).stream().filter(e -> e.loadBias() == libc.loadBias())
                    .mapToLong(LinkMaps.Entry::tlsOffset).findFirst().orElse(UNKNOWN);
        } catch (LayoutException e) {
            ctx.warnings().add("thread caches (tcache) not read: " + e.getMessage());
            return UNKNOWN;
        }
    }
}

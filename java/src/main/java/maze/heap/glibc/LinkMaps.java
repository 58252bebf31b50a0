package maze.heap.glibc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import maze.core.CoreModel;
import maze.core.Module;
import maze.heap.HeapContext;
import maze.layout.LayoutException;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.memory.MemoryView;

/**
 * The dynamic linker's list of loaded modules (_r_debug.r_map), with each module's static TLS
 * offset: l_tls_offset is a private link_map field, so its offset comes from ld.so's DWARF.
 */
public final class LinkMaps {
    /** One link_map: its l_addr (the module's load bias) and l_tls_offset ({@link #UNKNOWN} if unreadable). */
    public record Entry(long loadBias, long tlsOffset) {
    }

    public static final long UNKNOWN = Long.MIN_VALUE;
    private static final long AT_BASE = 7;
    private static final int MAX_LINK_MAPS = 1 << 14;
    static final LayoutRequest LDSO_REQUEST = new LayoutRequest(
            List.of("struct link_map"), List.of("_r_debug"), List.of());

    private LinkMaps() {
    }

    /** ld.so, the module loaded at AT_BASE, or null (a static program, or no auxv). */
    public static Module dynamicLinker(CoreModel core) {
        Long base = core.auxv().get(AT_BASE);
        return base == null ? null : core.modules().stream()
                .filter(m -> m.loadBias() == base && !m.executable()).findFirst().orElse(null);
    }

    /** Every link_map in load order; a LayoutException when ld.so's DWARF or _r_debug is missing. */
    public static List<Entry> read(HeapContext ctx, Module ldso) {
        LayoutSource ld = ctx.layouts(ldso, LDSO_REQUEST);
        long tlsOffsetField = ld.struct("struct link_map").offset("l_tls_offset");
        long rDebug = ld.symbol("_r_debug").orElseThrow(() -> new LayoutException(ldso.path() + ": no symbol _r_debug"));
        MemoryView mem = ctx.memory();
        List<Entry> out = new ArrayList<>();
        long lm = mem.readLongOr(ldso.loadBias() + rDebug + 8, 0); // r_debug.r_map
        Set<Long> seen = new HashSet<>();
        while (lm != 0 && seen.size() < MAX_LINK_MAPS && seen.add(lm)) {
            out.add(new Entry(mem.readLongOr(lm, -1), mem.readLongOr(lm + tlsOffsetField, UNKNOWN))); // l_addr
            lm = mem.readLongOr(lm + 24, 0); // l_next
        }
        return out;
    }
}

package maze.graph;

import java.util.ArrayList;
import java.util.List;
import maze.core.CoreFormatException;
import maze.core.ElfFile;
import maze.core.Module;
import maze.core.ProgramHeader;
import maze.heap.HeapContext;
import maze.heap.Warnings;
import maze.heap.glibc.LinkMaps;
import maze.layout.LayoutException;

/**
 * Each module's static TLS block as the dynamic linker placed it: x86-64 uses TLS variant II, so in
 * every thread a module's block starts at fs_base - l_tls_offset (a private link_map field whose
 * offset comes from ld.so's DWARF) and is as long as the module's PT_TLS memsz. Modules with
 * dynamic TLS (dlopen'd) have no offset; their blocks are malloc'd and reached through the dtv.
 */
public final class TlsBlocks {
    /** {@code offset}: how far below the thread pointer the block starts; {@code size}: its PT_TLS memsz. */
    public record Block(String module, long offset, long size) {
    }

    /** A static TLS offset beyond this is no real one: the walk read something else. */
    private static final long MAX_OFFSET = 1L << 30;

    private TlsBlocks() {
    }

    /**
     * The static TLS blocks of the core's modules, or null (with a note on {@code warnings} saying why)
     * when ld.so cannot say. After the heap walk: the walk's own warnings are already summed up.
     */
    public static List<Block> read(HeapContext ctx, Warnings warnings) {
        Module ldso = LinkMaps.dynamicLinker(ctx.core());
        if (ldso == null) {
            warnings.note("no dynamic linker in the core (AT_BASE): TLS roots are a fixed window around each"
                    + " thread pointer");
            return null;
        }
        List<LinkMaps.Entry> maps;
        try {
            maps = LinkMaps.read(ctx, ldso);
        } catch (LayoutException e) {
            warnings.note("TLS roots are a fixed window around each thread pointer: %s", e.getMessage());
            return null;
        }
        List<Block> out = new ArrayList<>();
        for (LinkMaps.Entry e : maps) {
            if (e.tlsOffset() > 0 && e.tlsOffset() < MAX_OFFSET) { // 0: no TLS or dynamic; -1: forced dynamic
                Module m = byBias(ctx, e.loadBias());
                long size = m == null ? -1 : tlsSize(m);
                if (size < 0) {
                    warnings.add("the TLS block %#x below each thread pointer belongs to no module maze can read:"
                            + " not scanned, blocks only it holds show as leaked", e.tlsOffset());
                } else if (size > 0) {
                    out.add(new Block(m.path(), e.tlsOffset(), size));
                }
            }
        }
        return out;
    }

    private static Module byBias(HeapContext ctx, long bias) {
        return ctx.core().modules().stream().filter(m -> m.loadBias() == bias).findFirst().orElse(null);
    }

    /** The module's PT_TLS memsz (0: none), or -1 when its file cannot be read. */
    private static long tlsSize(Module m) {
        if (!m.fileMatches()) {
            return -1;
        }
        try (ElfFile elf = ElfFile.open(m.localFile())) {
            return elf.programHeaders().stream().filter(ph -> ph.type() == ProgramHeader.PT_TLS)
                    .mapToLong(ProgramHeader::memSize).findFirst().orElse(0);
        } catch (CoreFormatException e) {
            return -1;
        }
    }
}

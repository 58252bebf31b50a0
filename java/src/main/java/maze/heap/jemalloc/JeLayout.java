package maze.heap.jemalloc;

import java.util.List;
import maze.layout.FieldLayout;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;

/**
 * The jemalloc 5.3 fields and globals the walker reads, by name from a {@link LayoutSource} (the
 * build's DWARF or the built-in table), never as hard-coded offsets. Symbols are link-time
 * addresses, 0 when the source does not know them (a stripped library: then they are searched for
 * and proven on the core). {@code rootEntries} is the inline rtree root's length (2^18 on x86-64),
 * {@code tcacheBins} the capacity of a tcache's bin array. {@code base*} and {@code block*}: the base
 * allocator's chain of mappings (base.h), where jemalloc keeps its own metadata.
 */
record JeLayout(long rtreeRoot, long rootEntries,
                FieldLayout eBits, FieldLayout eAddr, FieldLayout eSizeEsn, long eSlabData, long edataSize,
                long binInfoSize, FieldLayout regSize, FieldLayout slabSize, FieldLayout nregs,
                long cacheBinSize, FieldLayout stackHead, FieldLayout lowBitsEmpty,
                FieldLayout descNext, FieldLayout descBins, FieldLayout arenaDescriptors, FieldLayout arenaInd, FieldLayout arenaBase, FieldLayout rtreeBase,
                FieldLayout baseBlocks, FieldLayout blockSize, FieldLayout blockNext,
                long tcacheBins,
                long emapGlobal, long binInfos, long index2size, long arenas, long nhbins) {

    static final String EMAP = "je_arena_emap_global";
    static final String BIN_INFOS = "je_bin_infos";
    static final String INDEX2SIZE = "je_sz_index2size_tab";
    static final String ARENAS = "je_arenas";
    static final String NHBINS = "je_nhbins";
    static final LayoutRequest REQUEST = new LayoutRequest(
            List.of("emap_t", "rtree_t", "edata_t", "bin_info_t", "cache_bin_t", "cache_bin_array_descriptor_t",
                    "arena_t", "tcache_t", "base_t", "base_block_t"),
            List.of(EMAP, BIN_INFOS, INDEX2SIZE, ARENAS, NHBINS), List.of());

    static JeLayout from(LayoutSource src) {
        StructLayout emap = src.struct("emap_t");
        StructLayout rtree = src.struct("rtree_t");
        StructLayout edata = src.struct("edata_t");
        StructLayout bin = src.struct("bin_info_t");
        StructLayout cacheBin = src.struct("cache_bin_t");
        StructLayout desc = src.struct("cache_bin_array_descriptor_t");
        StructLayout arena = src.struct("arena_t");
        StructLayout tcache = src.struct("tcache_t");
        StructLayout base = src.struct("base_t");
        StructLayout block = src.struct("base_block_t");
        FieldLayout root = rtree.field("root");
        return new JeLayout(emap.offset("rtree") + root.offset(), root.size() / 8,
                edata.field("e_bits"), edata.field("e_addr"), edata.field("e_size_esn"),
                edata.offset("e_slab_data"), edata.size(),
                bin.size(), bin.field("reg_size"), bin.field("slab_size"), bin.field("nregs"),
                cacheBin.size(), cacheBin.field("stack_head"), cacheBin.field("low_bits_empty"),
                desc.field("link.qre_next"), desc.field("bins"),
                arena.field("cache_bin_array_descriptor_ql.qlh_first"), arena.field("ind"), arena.field("base"),
                rtree.field("base"),
                base.field("blocks"), block.field("size"), block.field("next"),
                tcache.field("bins").size() / cacheBin.size(),
                src.symbol(EMAP).orElse(0), src.symbol(BIN_INFOS).orElse(0), src.symbol(INDEX2SIZE).orElse(0),
                src.symbol(ARENAS).orElse(0), src.symbol(NHBINS).orElse(0));
    }
}

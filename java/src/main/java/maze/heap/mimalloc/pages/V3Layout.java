package maze.heap.mimalloc.pages;

import java.util.List;
import maze.layout.FieldLayout;
import maze.layout.LayoutException;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;

/**
 * The mimalloc 3.x page fields the walker reads, and how pages are found. 3.0-3.3: the page
 * records {@code page_start} (a pointer); 3.4 {@code page_woffset}, the blocks' offset from the
 * page struct in words; 3.6 (Debian's binary; no source here) {@code block_offset}
 * in bytes: {@code startOffset} is whichever offset field there is, {@code startScale} its unit.
 * Up to 3.4 a two-level page map (_mi_page_map) points every 64 KiB slice at its page struct, which
 * sits at the page's start or, from 3.3 on (MI_PAGE_META_IS_SEPARATED), at its arena's start. 3.6:
 * 256 MiB areas that begin with one page-sized slot per slice, each slot pointing at the page's
 * metadata (at the page's start, or the slot itself). {@code slotSize} is the size of the page
 * struct (a slot holds one); {@code pageMap} 0 means areas. {@code next} and {@code prev} link a
 * heap's pages in its queues (null when the table lacks them).
 */
public record V3Layout(FieldLayout threadId, FieldLayout free, FieldLayout used, FieldLayout capacity,
                  FieldLayout reserved, FieldLayout localFree, FieldLayout threadFree, FieldLayout blockSize,
                  FieldLayout pageStart, FieldLayout startOffset, int startScale, FieldLayout keys, long slotSize,
                  long pageMap, FieldLayout next, FieldLayout prev) {

    public static final String PAGE = "mi_page_t";
    public static final String PAGE_MAP = "_mi_page_map";
    public static final LayoutRequest REQUEST = new LayoutRequest(List.of(PAGE), List.of(PAGE_MAP), List.of());

    public static V3Layout from(LayoutSource src) {
        StructLayout page = src.struct(PAGE);
        FieldLayout start = optional(page, "page_start");
        FieldLayout bytes = optional(page, "block_offset");
        FieldLayout words = optional(page, "page_woffset");
        long map = src.symbol(PAGE_MAP).orElse(0);
        if (start == null && bytes == null && words == null) {
            throw new LayoutException("mi_page_t has none of page_start, page_woffset, block_offset: "
                    + "a 3.x layout this walker does not know");
        }
        if (bytes == null && map == 0) {
            throw new LayoutException("no symbol " + PAGE_MAP + " for a 3.0-3.4 layout (its pages are found through it)");
        }
        return new V3Layout(page.field("xthread_id"), page.field("free"), page.field("used"),
                page.field("capacity"), page.field("reserved"), page.field("local_free"), page.field("xthread_free"),
                page.field("block_size"), start, bytes != null ? bytes : words, bytes != null ? 1 : 8,
                optional(page, "keys"), page.size(), map, optional(page, "next"), optional(page, "prev"));
    }

    private static FieldLayout optional(StructLayout s, String name) {
        return s.has(name) ? s.field(name) : null;
    }
}

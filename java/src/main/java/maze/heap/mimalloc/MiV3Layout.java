package maze.heap.mimalloc;

import java.util.List;
import maze.layout.FieldLayout;
import maze.layout.LayoutException;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;

/**
 * The mimalloc 3.0/3.1 fields the walker reads: the page (its metadata sits at the start of the
 * page memory and records where its blocks start) and the page map that points every 64 KiB slice
 * at its page. Later 3.x (page_woffset, separate metadata, theaps) needs another record.
 */
record MiV3Layout(FieldLayout threadId, FieldLayout free, FieldLayout used, FieldLayout capacity,
                  FieldLayout reserved, FieldLayout localFree, FieldLayout threadFree, FieldLayout blockSize,
                  FieldLayout pageStart, FieldLayout keys, long pageMap) {

    static final String PAGE = "mi_page_t";
    static final String PAGE_MAP = "_mi_page_map";
    static final LayoutRequest REQUEST = new LayoutRequest(List.of(PAGE), List.of(PAGE_MAP), List.of());

    static MiV3Layout from(LayoutSource src) {
        StructLayout page = src.struct(PAGE);
        if (!page.has("page_start")) {
            throw new LayoutException("mi_page_t has no page_start: a 3.x layout this walker does not know (3.2 or later)");
        }
        long map = src.symbol(PAGE_MAP).orElseThrow(() -> new LayoutException("no symbol " + PAGE_MAP));
        return new MiV3Layout(page.field("xthread_id"), page.field("free"), page.field("used"),
                page.field("capacity"), page.field("reserved"), page.field("local_free"), page.field("xthread_free"),
                page.field("block_size"), page.field("page_start"), page.has("keys") ? page.field("keys") : null, map);
    }
}

package maze.heap.jemalloc;

import maze.heap.Warnings;

/**
 * Consistency checks between the extent map and the extent headers, counted and reported once
 * each at the end of the walk: a disagreement costs that extent's blocks (or their free status),
 * never the walk.
 */
final class JeChecks {
    /** extent_state_merging, the last of extent_state_t (active, dirty, muzzy, retained, transition, merging). */
    static final int MAX_STATE = 5;
    private int unreadable;
    private int disagree;
    private int badSize;
    private int nfree;
    private int stray;

    /** The header of an extent the map names is not in the core. */
    void unreadable() {
        // every extent the map registers, live or not, has a header in jemalloc's base memory: one
        // that is not in the core is a damaged entry, and the extent it stood for may be live
        unreadable++;
    }

    /**
     * The map calls the extent at {@code page} (to {@code lastPage}) not active ({@code state}): the state must be one
     * jemalloc has, the header must cover the page (a free extent's map entries are its boundary
     * pages), and at its first page the header must not say active. An entry redirected to another
     * header loses the extent it stood for, so it is counted as stray.
     */
    void freeExtent(Edata e, long page, long lastPage, int state) {
        if (state > MAX_STATE || page < e.base() || lastPage - e.base() >= e.size()) {
            stray++;
        } else if (page == e.base() && e.state() == 0) {
            disagree++;
        }
    }

    /** State, size class or slab bit of the header differ from the map's. */
    boolean agrees(Edata e, int szind, boolean slab) {
        if (e.state() != 0 || e.szind() != szind || e.slab() != slab) {
            disagree++;
            return false;
        }
        return true;
    }

    /** A page maps to an extent that does not cover it (a stale or damaged entry). */
    void stray() {
        stray++;
    }

    /** The extent's size cannot hold what its size class says. */
    void badSize() {
        badSize++;
    }

    /** A slab's free count differs from its bitmap (blocks are still taken from the bitmap). */
    void nfreeDiffers() {
        nfree++;
    }

    void report(Warnings w) {
        if (unreadable > 0) {
            w.add("jemalloc: %d extent headers are not in the core; their blocks are missing", unreadable);
        }
        if (disagree > 0) {
            w.add("jemalloc: %d extent headers disagree with the extent map (state, size class or slab bit); "
                    + "their blocks are skipped", disagree);
        }
        if (badSize > 0) {
            w.add("jemalloc: %d extents are too small for their size class; their blocks are skipped", badSize);
        }
        if (stray > 0) {
            w.add("jemalloc: %d extent-map entries point to extents that do not cover their page or name no extent"
                    + " state; the extents they stood for may be missing", stray);
        }
        if (nfree > 0) {
            w.add("jemalloc: %d slabs' free counts disagree with their bitmaps (blocks taken from the bitmaps)", nfree);
        }
    }
}

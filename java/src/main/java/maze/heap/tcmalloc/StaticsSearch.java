package maze.heap.tcmalloc;

import maze.heap.FieldReader;
import java.util.ArrayList;
import java.util.List;
import maze.core.Module;
import maze.heap.ModuleEvidence;
import maze.layout.LayoutException;

/**
 * Finds the hidden statics of a stripped tcmalloc in its writable data, each by what only it can
 * be: sizemap_ where a whole size map reads back sound; central_cache_ where every free list
 * carries its own class number; pageheap_ where the page map names the central lists' spans; and
 * checks them together before any block is believed: every sampled span must be IN_USE, of its
 * list's class, and mapped back from its first and last page. Anything else is a refusal.
 */
final class StaticsSearch {
    private static final String THREAD_HEAPS_EXPORT = "_ZN8tcmalloc11ThreadCache13thread_heaps_E";
    /** Spans sampled from the central lists for the page heap's search and check. */
    private static final int SAMPLE = 256;

    private final FieldReader m;
    private final TcLayout l;
    private final Module mod;

    StaticsSearch(FieldReader m, TcLayout l, Module mod) {
        this.m = m;
        this.l = l;
        this.mod = mod;
    }

    /** One central list's span, with the class of its list. */
    private record Sampled(TcSpan span, int sizeClass) {
    }

    Statics find() {
        ModuleData data = ModuleData.read(m, mod);
        if (data == null) {
            throw refusal("its writable data segment is not readable from its file");
        }
        return find(data, threadHeaps());
    }

    /** The search in {@code data} (tests give synthetic data). */
    Statics find(ModuleData data, long threadHeaps) {
        long sizeMap = unique("sizemap_", sizeMaps(data));
        SizeClasses classes = SizeClasses.read(m, l, sizeMap);
        long central = unique("central_cache_", centralCaches(data, classes.count()));
        List<Sampled> sample = sampleSpans(central, classes.count());
        if (sample.isEmpty()) {
            throw refusal("no span is on any central free list, so the page heap cannot be told apart");
        }
        PageMap map = new PageMap(m, l);
        long pageHeap = unique("pageheap_", pageHeaps(data, map, sample));
        return new Statics(pageHeap, sizeMap, central, threadHeaps, "found in the core: size map with "
                + (classes.count() - 1) + " classes, page map names all " + sample.size() + " sampled spans");
    }

    private long threadHeaps() {
        Long v = ModuleEvidence.ask(mod, elf -> elf.export(THREAD_HEAPS_EXPORT) == null ? null
                : elf.export(THREAD_HEAPS_EXPORT).value());
        if (v == null) {
            throw refusal("it does not export ThreadCache::thread_heaps_");
        }
        return v + mod.loadBias();
    }

    private List<Long> sizeMaps(ModuleData data) {
        List<Long> found = new ArrayList<>();
        for (long a = data.start; a + l.numClasses() + 8 <= data.end(); a += 8) {
            long sizes = a + l.classToSize();
            if (data.int32(sizes) != 0 || data.int32(sizes + 4) <= 0 || data.int32(sizes + 8) <= data.int32(sizes + 4)) {
                continue; // class 0 has size 0, then sizes grow: the quick filter before the full read
            }
            SizeClasses c = SizeClasses.read(m, l, a);
            if (c.count() >= 2 && c.count() <= l.maxClasses() && c.problem(l.maxClasses()) == null) {
                found.add(a);
            }
        }
        return found;
    }

    private List<Long> centralCaches(ModuleData data, int classes) {
        List<Long> found = new ArrayList<>();
        for (long c = data.start; c + classes * l.centralStride() <= data.end(); c += 8) {
            if (data.word(c + l.centralSizeClass()) == 0 && data.word(c + l.centralStride() + l.centralSizeClass()) == 1
                    && everyClassNumbered(data, c, classes)) {
                found.add(c);
            }
        }
        return found;
    }

    private boolean everyClassNumbered(ModuleData data, long c, int classes) {
        for (int cl = 0; cl < classes; cl++) {
            long list = c + cl * l.centralStride();
            long used = data.word(list + l.centralUsedSlots()) & 0xffffffffL;
            if (data.word(list + l.centralSizeClass()) != cl || used > l.maxSlots()
                    || data.word(list + l.centralNonempty() + l.spanNext().offset()) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Spans on the central lists' nonempty_ lists (each a ring through its sentinel), bounded. */
    private List<Sampled> sampleSpans(long central, int classes) {
        List<Sampled> out = new ArrayList<>();
        for (int cl = 1; cl < classes && out.size() < SAMPLE; cl++) {
            long sentinel = central + cl * l.centralStride() + l.centralNonempty();
            long s = m.field(sentinel, l.spanNext());
            for (int n = 0; s != sentinel && s != 0 && n < 16 && out.size() < SAMPLE; n++) {
                out.add(new Sampled(new PageMap(m, l).read(s), cl));
                s = m.field(s, l.spanNext());
            }
        }
        return out;
    }

    /** Page heaps whose map leads from the first sampled span's page back to it, then checked on all. */
    private List<Long> pageHeaps(ModuleData data, PageMap map, List<Sampled> sample) {
        TcSpan first = sample.get(0).span();
        long rootSlot = 8 * (first.start() >>> map.leafBits());
        long leafSlot = 8 * (first.start() & (l.leafEntries() - 1));
        List<Long> found = new ArrayList<>();
        for (int i = 0; i < data.words.length; i++) {
            long leaf = data.words[i];
            if (leaf == 0 || (leaf & 7) != 0 || m.word(leaf + leafSlot) != first.address()) {
                continue;
            }
            long heap = data.start + 8L * i - rootSlot - l.mapRoot() - l.heapPagemap();
            if (heap >= data.start && allMapBack(map, heap, sample)) {
                found.add(heap);
            }
        }
        return found;
    }

    private boolean allMapBack(PageMap map, long heap, List<Sampled> sample) {
        for (Sampled x : sample) {
            TcSpan s = x.span();
            if (!s.inUse() || s.sizeClass() != x.sizeClass() || s.length() <= 0
                    || map.lookup(heap, s.start()) != s.address()
                    || map.lookup(heap, s.start() + s.length() - 1) != s.address()) {
                return false;
            }
        }
        return true;
    }

    private long unique(String what, List<Long> candidates) {
        if (candidates.size() != 1) {
            throw refusal(candidates.isEmpty() ? "no place in its data passes the checks for " + what
                    : candidates.size() + " places in its data pass the checks for " + what);
        }
        return candidates.get(0);
    }

    private LayoutException refusal(String why) {
        return new LayoutException("tcmalloc in " + (mod == null ? "?" : mod.path()) + ": the built-in table's statics cannot be"
                + " trusted: " + why);
    }
}

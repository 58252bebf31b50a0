package maze.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Tells whether a word is a vtable pointer, and of which class. A word counts when it is 8-aligned
 * and lies in some {@code _ZTV} symbol past its first two words (offset-to-top and typeinfo): the
 * primary vptr is _ZTV+16, and with virtual bases more prefix slots come first, so the vptr may
 * lie further in. Immutable and thread-safe once built.
 */
public final class VtableIndex {
    /** The first two words of a vtable are never pointed to by an object. */
    static final long PREFIX = 16;
    private static final VtableSource[] SOURCES = VtableSource.values();

    private final long[] starts;
    private final long[] ends;
    private final int[] classIds;
    private final byte[] sources;
    private final TypeNames names;
    private final long[] symbolsBySource;

    private VtableIndex(VtableIntervals iv, TypeNames names, long[] symbolsBySource) {
        this.starts = iv.starts;
        this.ends = iv.ends;
        this.classIds = iv.classIds;
        this.sources = iv.sources;
        this.names = names;
        this.symbolsBySource = symbolsBySource;
    }

    /** An index that knows no vtables: every block is then named by its size. */
    public static VtableIndex empty() {
        return build(List.of(), new Demangler(), w -> { });
    }

    /**
     * Builds the index from the vtable symbols of every module. Names that are not {@code _ZTV},
     * symbols too small to hold a vptr, and ranges that leave user space are ignored; a symbol
     * listed by several sources (same name, address and size) counts once, for its first source.
     * All distinct names are demangled in one batch; problems become warnings.
     */
    public static VtableIndex build(List<VtableSymbol> symbols, Demangler demangler, Consumer<String> warn) {
        List<VtableSymbol> usable = usable(symbols);
        long[] bySource = new long[VtableSource.values().length];
        usable.forEach(s -> bySource[s.source().ordinal()]++);
        // ids in name order, not input order, so ties between overlapping ranges resolve the same
        // way whatever order the modules' symbols came in
        Map<String, Integer> mangledIds = new LinkedHashMap<>();
        usable.stream().map(VtableSymbol::mangled).distinct().sorted()
                .forEach(name -> mangledIds.put(name, mangledIds.size()));
        List<String> demangled = demangler.demangleVtables(new ArrayList<>(mangledIds.keySet()), warn);
        int[] classOfMangled = new int[demangled.size()];
        List<String> classNames = intern(demangled, classOfMangled);
        return new VtableIndex(intervals(usable, mangledIds, classOfMangled), new TypeNames(classNames), bySource);
    }

    /** One vtable however many symbol tables list it. */
    private record SymbolKey(String mangled, long address, long size) {
    }

    private static List<VtableSymbol> usable(List<VtableSymbol> symbols) {
        Map<SymbolKey, VtableSymbol> first = new LinkedHashMap<>();
        for (VtableSymbol s : symbols) {
            if (VtableSymbol.isVtableName(s.mangled()) && s.size() > PREFIX && s.address() >= 0
                    && s.address() + s.size() > s.address()) {
                first.merge(new SymbolKey(s.mangled(), s.address(), s.size()), s,
                        (a, b) -> b.source().compareTo(a.source()) < 0 ? b : a);
            }
        }
        return new ArrayList<>(first.values());
    }

    /** One class id per distinct demangled name (two mangled names may demangle alike). */
    private static List<String> intern(List<String> demangled, int[] classOfMangled) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < demangled.size(); i++) {
            String name = demangled.get(i);
            Integer id = ids.get(name);
            if (id == null) {
                id = names.size();
                ids.put(name, id);
                names.add(name);
            }
            classOfMangled[i] = id;
        }
        return names;
    }

    private static VtableIntervals intervals(List<VtableSymbol> usable, Map<String, Integer> mangledIds,
                                             int[] classOfMangled) {
        int n = usable.size();
        long[] start = new long[n];
        long[] end = new long[n];
        int[] classId = new int[n];
        boolean[] exec = new boolean[n];
        byte[] source = new byte[n];
        for (int i = 0; i < n; i++) {
            VtableSymbol s = usable.get(i);
            start[i] = s.address() + PREFIX;
            end[i] = s.address() + s.size();
            classId[i] = classOfMangled[mangledIds.get(s.mangled())];
            exec[i] = s.executable();
            source[i] = (byte) s.source().ordinal();
        }
        return VtableIntervals.flatten(start, end, classId, exec, source);
    }

    /** The class id of the vtable {@code word} points into, or -1 when it is no vtable pointer. */
    public int classOf(long word) {
        int range = rangeOf(word);
        return range < 0 ? -1 : classIds[range];
    }

    /** The range {@code word} points into (for {@link #classAt}, {@link #sourceAt}), or -1. */
    public int rangeOf(long word) {
        if ((word & 7) != 0 || starts.length == 0 || word < starts[0] || word >= ends[ends.length - 1]) {
            return -1;
        }
        int i = Arrays.binarySearch(starts, word);
        if (i < 0) {
            i = -i - 2; // the last range starting below the word
        }
        return i >= 0 && word < ends[i] ? i : -1;
    }

    public int classAt(int range) {
        return classIds[range];
    }

    /** Where the symbol that names this range was read. */
    public VtableSource sourceAt(int range) {
        return SOURCES[sources[range]];
    }

    /** How many distinct vtable symbols each source gave, indexed by {@link VtableSource#ordinal()}. */
    public long[] symbolsBySource() {
        return symbolsBySource.clone();
    }

    public TypeNames names() {
        return names;
    }

    /** How many disjoint ranges the lookup searches (for figures and tests). */
    public int rangeCount() {
        return starts.length;
    }
}

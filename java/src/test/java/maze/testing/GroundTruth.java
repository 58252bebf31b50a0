package maze.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ground truth a heap fixture wrote (tests/fixtures/truth_log.c): a header line, then one
 * JSON line per distinct block start, live or freed. Kept in parallel primitive arrays so a truth
 * of millions of blocks costs no object per block.
 */
public final class GroundTruth {
    /** How a block was obtained, as the truth file names it. */
    public enum Kind {
        MALLOC("malloc"), CALLOC("calloc"), REALLOC("realloc"), MEMALIGN("memalign"),
        POSIX_MEMALIGN("posix_memalign"), ALIGNED_ALLOC("aligned_alloc"), NEW("new"), NEW_ARRAY("new[]");

        public final String label;

        Kind(String label) {
            this.label = label;
        }

        private static final Kind[] ALL = values();

        static Kind of(String label) {
            for (Kind k : ALL) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown block kind " + label);
        }
    }

    /** The fixture's mallinfo2() just before READY (glibc); zeros when it had none. */
    public record Mallinfo(long arena, long uordblks, long fordblks, long fsmblks, long hblks, long hblkhd) {
        static Mallinfo of(JsonNode m) {
            return m == null ? new Mallinfo(0, 0, 0, 0, 0, 0)
                    : new Mallinfo(m.path("arena").asLong(), m.path("uordblks").asLong(),
                            m.path("fordblks").asLong(), m.path("fsmblks").asLong(), m.path("hblks").asLong(),
                            m.path("hblkhd").asLong());
        }
    }

    final String scenario;
    final int threadsAlive;
    final Mallinfo mallinfo;
    final int count;
    final long[] ptr;
    final long[] start;
    final long[] size;
    final byte[] kind;
    final int[] type;
    final boolean[] live;
    final boolean[] vtable;
    final List<String> typeNames;

    private GroundTruth(Builder b) {
        scenario = b.scenario;
        threadsAlive = b.threadsAlive;
        mallinfo = b.mallinfo;
        count = b.count;
        ptr = java.util.Arrays.copyOf(b.ptr, count);
        start = java.util.Arrays.copyOf(b.start, count);
        size = java.util.Arrays.copyOf(b.size, count);
        kind = java.util.Arrays.copyOf(b.kind, count);
        type = java.util.Arrays.copyOf(b.type, count);
        live = java.util.Arrays.copyOf(b.live, count);
        vtable = java.util.Arrays.copyOf(b.vtable, count);
        typeNames = List.copyOf(b.typeNames);
    }

    public String scenario() {
        return scenario;
    }

    public int threadsAlive() {
        return threadsAlive;
    }

    public Mallinfo mallinfo() {
        return mallinfo;
    }

    public int blocks() {
        return count;
    }

    public long liveCount() {
        long n = 0;
        for (int i = 0; i < count; i++) {
            n += live[i] ? 1 : 0;
        }
        return n;
    }

    /** Blocks that are live (or freed) of a kind (null: any) and requested size (-1: any). */
    public long count(boolean isLive, Kind k, long requested) {
        long n = 0;
        for (int i = 0; i < count; i++) {
            boolean match = live[i] == isLive && (k == null || kind[i] == k.ordinal())
                    && (requested < 0 || size[i] == requested);
            n += match ? 1 : 0;
        }
        return n;
    }

    /** Requested bytes of the live blocks. */
    public long liveBytes() {
        long n = 0;
        for (int i = 0; i < count; i++) {
            n += live[i] ? size[i] : 0;
        }
        return n;
    }

    public static Builder builder(String scenario) {
        return new Builder(scenario);
    }

    /** Reads a truth file (see {@link TruthFile}). */
    public static GroundTruth read(Path file) throws IOException {
        return TruthFile.read(file);
    }

    /** Collects blocks; also how unit tests make synthetic truths. */
    public static final class Builder {
        private final String scenario;
        private int threadsAlive = 1;
        private Mallinfo mallinfo = Mallinfo.of(null);
        private int count;
        private long[] ptr = new long[1024];
        private long[] start = new long[1024];
        private long[] size = new long[1024];
        private byte[] kind = new byte[1024];
        private int[] type = new int[1024];
        private boolean[] live = new boolean[1024];
        private boolean[] vtable = new boolean[1024];
        private final List<String> typeNames = new ArrayList<>(List.of(""));
        private final Map<String, Integer> typeIds = new HashMap<>(Map.of("", 0));

        private Builder(String scenario) {
            this.scenario = scenario;
        }

        public Builder threadsAlive(int n) {
            threadsAlive = n;
            return this;
        }

        public Builder mallinfo(Mallinfo m) {
            mallinfo = m;
            return this;
        }

        /** One block; start differs from ptr only for new[] with an array cookie. */
        public Builder add(long ptr, long start, long size, Kind kind, String type, boolean vtable, boolean live) {
            if (count == this.ptr.length) {
                grow();
            }
            this.ptr[count] = ptr;
            this.start[count] = start;
            this.size[count] = size;
            this.kind[count] = (byte) kind.ordinal();
            this.type[count] = typeIds.computeIfAbsent(type, t -> {
                typeNames.add(t);
                return typeNames.size() - 1;
            });
            this.vtable[count] = vtable;
            this.live[count] = live;
            count++;
            return this;
        }

        private void grow() {
            int n = ptr.length * 2;
            ptr = java.util.Arrays.copyOf(ptr, n);
            start = java.util.Arrays.copyOf(start, n);
            size = java.util.Arrays.copyOf(size, n);
            kind = java.util.Arrays.copyOf(kind, n);
            type = java.util.Arrays.copyOf(type, n);
            live = java.util.Arrays.copyOf(live, n);
            vtable = java.util.Arrays.copyOf(vtable, n);
        }

        public GroundTruth build() {
            return new GroundTruth(this);
        }
    }
}

package maze.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * maze's per-block listing ({@code maze blocks}: JSON Lines {@code {"address":"0x..","size":N,
 * "type":".."}}, address order): addresses and usable sizes in primitive arrays, plus the number
 * of rows of each {@code C++ X} type.
 */
public final class BlockListing {
    static final String CXX = "C++ ";

    final int count;
    final long[] address;
    final long[] size;
    final Map<String, Long> cxxCounts;

    private BlockListing(Builder b) {
        count = b.count;
        address = Arrays.copyOf(b.address, count);
        size = Arrays.copyOf(b.size, count);
        cxxCounts = Map.copyOf(b.cxxCounts);
    }

    public int rows() {
        return count;
    }

    public long usableBytes() {
        long n = 0;
        for (int i = 0; i < count; i++) {
            n += size[i];
        }
        return n;
    }

    /** Rows of type {@code C++ name}. */
    public long cxxCount(String name) {
        return cxxCounts.getOrDefault(name, 0L);
    }

    /** The last row starting at or below a, or -1. */
    int rowAtOrBelow(long a) {
        int i = Arrays.binarySearch(address, 0, count, a);
        return i >= 0 ? i : -i - 2;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static BlockListing read(Path file) throws IOException {
        Builder b = builder();
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            String addr = null;
            String type = "";
            long size = -1;
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.START_OBJECT) {
                    addr = null;
                    type = "";
                    size = -1;
                } else if (t == JsonToken.END_OBJECT) {
                    if (addr == null || size < 0) {
                        throw new IOException(file + ": row " + b.count + " lacks address or size");
                    }
                    b.add(TruthFile.hex(addr), size, type);
                } else if (t == JsonToken.FIELD_NAME) {
                    String name = p.getCurrentName();
                    p.nextToken();
                    switch (name) {
                        case "address" -> addr = p.getText();
                        case "size" -> size = p.getLongValue();
                        case "type" -> type = p.getText();
                        default -> p.skipChildren();
                    }
                }
            }
        }
        return b.build();
    }

    /** Collects rows; refuses rows out of address order or overlapping (the listing contract). */
    public static final class Builder {
        private int count;
        private long[] address = new long[1024];
        private long[] size = new long[1024];
        private final Map<String, Long> cxxCounts = new TreeMap<>();

        public Builder add(long addr, long usable, String type) {
            if (count > 0 && Long.compareUnsigned(addr, address[count - 1] + size[count - 1]) < 0) {
                throw new IllegalArgumentException(String.format(
                        "listing row %d at 0x%x is out of address order or overlaps row %d (0x%x, %d bytes)",
                        count, addr, count - 1, address[count - 1], size[count - 1]));
            }
            if (count == address.length) {
                address = Arrays.copyOf(address, count * 2);
                size = Arrays.copyOf(size, count * 2);
            }
            address[count] = addr;
            size[count] = usable;
            count++;
            if (type.startsWith(CXX)) {
                cxxCounts.merge(type.substring(CXX.length()), 1L, Long::sum);
            }
            return this;
        }

        public BlockListing build() {
            return new BlockListing(this);
        }
    }
}

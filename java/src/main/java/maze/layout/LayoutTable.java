package maze.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One built-in layout table: the structs, symbols and TLS offsets of one allocator build as its
 * DWARF would give them, for release builds that ship without DWARF. Keyed by build-id (right only
 * for the exact binary it was read from); a table without a build-id stands for every build of its
 * version. Either way the allocator checks it on the core before trusting it.
 *
 * <p>File format, one item a line: {@code allocator A}, {@code library L}, {@code version V},
 * {@code build-id HEX} (optional), {@code struct NAME SIZE}, {@code field NAME OFFSET SIZE} (of the
 * struct above; a bitfield adds {@code BITPOS BITS}), {@code symbol NAME ADDRESS}, {@code tls NAME
 * OFFSET}; {@code #} starts a comment. {@link #text} writes one from any source (DWARF).
 */
public record LayoutTable(String resource, String allocator, String library, String version, String buildId,
                          Source source) {

    /** Parses a table's lines; {@code resource} names it in messages. */
    public static LayoutTable parse(String resource, String allocator, List<String> lines) {
        Map<String, String> header = new LinkedHashMap<>();
        Source src = new Source(resource);
        Map<String, FieldLayout> fields = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] w = line.trim().split("\\s+");
            if (w.length < 2 || (w[0].equals("field") && fields == null)) {
                throw new IllegalStateException("layout table " + resource + ": bad line '" + line + "'");
            }
            switch (w[0]) {
                case "struct" -> {
                    fields = new LinkedHashMap<>();
                    src.structs.put(w[1], new StructLayout(w[1], Long.decode(w[2]), fields));
                }
                case "field" -> fields.put(w[1], w.length >= 6
                        ? new FieldLayout(w[1], Long.decode(w[2]), Long.decode(w[3]), Integer.parseInt(w[4]), Integer.parseInt(w[5]))
                        : new FieldLayout(w[1], Long.decode(w[2]), Long.decode(w[3])));
                case "symbol" -> src.symbols.put(w[1], Long.decode(w[2]));
                case "tls" -> src.tls.put(w[1], Long.decode(w[2]));
                default -> header.put(w[0], w[1]);
            }
        }
        return new LayoutTable(resource, header.getOrDefault("allocator", allocator), header.get("library"),
                header.get("version"), header.get("build-id"), src);
    }

    /**
     * A table's text: the header, then every struct, symbol and TLS variable of {@code request}
     * that {@code src} knows (all fields of each struct), in the request's order. Names the source
     * lacks are left out and listed in a comment.
     */
    public static String text(String allocator, String library, String version, String buildId, LayoutSource src,
                              LayoutRequest request) {
        StringBuilder sb = new StringBuilder();
        sb.append("allocator ").append(allocator).append("\nlibrary ").append(library).append("\nversion ").append(version)
                .append('\n');
        if (buildId != null) {
            sb.append("build-id ").append(buildId).append('\n');
        }
        List<String> absent = new ArrayList<>();
        for (String name : request.structs()) {
            StructLayout s;
            try {
                s = src.struct(name);
            } catch (LayoutException e) {
                absent.add(name);
                continue;
            }
            sb.append("\nstruct ").append(name).append(' ').append(s.size()).append('\n');
            for (FieldLayout f : s.fields().values()) {
                sb.append("field ").append(f.name()).append(' ').append(f.offset()).append(' ').append(f.size())
                        .append(f.isBitfield() ? " " + f.bitPos() + " " + f.bitSize() : "").append('\n');
            }
        }
        sb.append('\n');
        for (String name : request.symbols()) {
            src.symbol(name).ifPresentOrElse(a -> sb.append("symbol ").append(name).append(" 0x")
                    .append(Long.toHexString(a)).append('\n'), () -> absent.add(name));
        }
        for (String name : request.tlsVariables()) {
            src.tlsOffset(name).ifPresentOrElse(o -> sb.append("tls ").append(name).append(' ').append(o).append('\n'),
                    () -> absent.add(name));
        }
        if (!absent.isEmpty()) {
            sb.append("# not in this build: ").append(String.join(", ", absent)).append('\n');
        }
        return sb.toString();
    }

    /** "libmimalloc.so.2.0 2.0.9 (build-id d07f...)", for messages listing what is known. */
    public String describe() {
        return library + " " + version + (buildId == null ? " (any build)" : " (build-id " + buildId + ")");
    }

    /** A table's structs, symbols and TLS offsets, answered like DWARF would. */
    public static final class Source implements LayoutSource {
        private final String resource;
        final Map<String, StructLayout> structs = new LinkedHashMap<>();
        final Map<String, Long> symbols = new LinkedHashMap<>();
        final Map<String, Long> tls = new LinkedHashMap<>();

        Source(String resource) {
            this.resource = resource;
        }

        @Override
        public StructLayout struct(String name) {
            StructLayout s = structs.get(name);
            if (s == null) {
                throw new LayoutException("built-in layout " + resource + " has no " + name);
            }
            return s;
        }

        @Override
        public OptionalLong symbol(String name) {
            return LayoutSource.lookup(symbols, name);
        }

        @Override
        public OptionalLong tlsOffset(String name) {
            return LayoutSource.lookup(tls, name);
        }

        /* The tables themselves, live: tests change them to model other builds. */

        public Map<String, StructLayout> structs() {
            return structs;
        }

        public Map<String, Long> symbols() {
            return symbols;
        }

        public Map<String, Long> tls() {
            return tls;
        }
    }
}

package maze.layout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in layout tables shipped in the jar (resources maze/layout/tables/, listed in its
 * INDEX): one service for every allocator, found by build-id first, else by version.
 */
public final class LayoutTables {
    private static final String ROOT = "/maze/layout/tables/";
    private static volatile List<LayoutTable> all;

    private LayoutTables() {
    }

    /** Every table in the jar. */
    public static List<LayoutTable> all() {
        List<LayoutTable> list = all;
        if (list == null) {
            list = new ArrayList<>();
            for (String name : lines(ROOT + "INDEX")) {
                list.add(load(name));
            }
            all = list = List.copyOf(list);
        }
        return list;
    }

    /** The tables of one allocator. */
    public static List<LayoutTable> of(String allocator) {
        return all().stream().filter(t -> t.allocator().equals(allocator)).toList();
    }

    /** The table for exactly this binary, else one for every build of {@code version}. */
    public static Optional<LayoutTable> find(String allocator, String buildId, String version) {
        List<LayoutTable> mine = of(allocator);
        Optional<LayoutTable> exact = mine.stream()
                .filter(t -> t.buildId() != null && t.buildId().equals(buildId)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return mine.stream().filter(t -> t.buildId() == null && t.version().equals(version)).findFirst();
    }

    /** One table by its name under the tables folder, e.g. "mimalloc/debian-2.0.9.layout". */
    public static LayoutTable load(String name) {
        String allocator = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
        return LayoutTable.parse(name, allocator, lines(ROOT + name));
    }

    private static List<String> lines(String resource) {
        try (InputStream in = LayoutTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in layout resource " + resource + " missing from the jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package maze.gdb.mi;

import java.util.List;

/**
 * {@code [...]}: either plain values ({@code ["a","b"]}, {@code [{..},{..}]}) or results
 * ({@code [frame={..},frame={..}]}); at most one of the two lists is non-empty.
 */
public record MiList(List<MiValue> values, List<MiResult> results) implements MiValue {
    public MiList {
        values = List.copyOf(values);
        results = List.copyOf(results);
        if (!values.isEmpty() && !results.isEmpty()) {
            throw new IllegalArgumentException("an MI list holds values or results, not both");
        }
    }

    public int size() {
        return values.size() + results.size();
    }
}

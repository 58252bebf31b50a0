package maze.gdb.mi;

import java.util.List;

/** {@code {a=..,b=..}}: named values in gdb's order (names may repeat, so this is a list). */
public record MiTuple(List<MiResult> results) implements MiValue {
    public static final MiTuple EMPTY = new MiTuple(List.of());

    public MiTuple {
        results = List.copyOf(results);
    }

    /** The first value named {@code name}, or null. */
    public MiValue get(String name) {
        for (MiResult r : results) {
            if (r.name().equals(name)) {
                return r.value();
            }
        }
        return null;
    }

    /** The text of the constant named {@code name}, or null when absent or not a constant. */
    public String string(String name) {
        return get(name) instanceof MiConst c ? c.text() : null;
    }

    public MiTuple tuple(String name) {
        return get(name) instanceof MiTuple t ? t : null;
    }

    public MiList list(String name) {
        return get(name) instanceof MiList l ? l : null;
    }
}

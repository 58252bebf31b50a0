package maze.patterns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import maze.classify.TypeNames;

/**
 * The names of typed arrays, one id per distinct name (kind, element class, count, size): a few
 * per class and size, however many blocks have them. Ids become class ids after the classes.
 */
final class DerivedNames {
    /** What a typed block is. */
    enum Kind {
        /** {@code C++ T[] (new[] of n, malloc(N))}. */
        NEW_ARRAY,
        /** {@code C++ T*[] (malloc(N))}. */
        POINTER_ARRAY,
        /** {@code std::vector<T*> body (malloc(N))}. */
        POINTER_VECTOR
    }

    private record Name(Kind kind, int classId, long count, long size) {
    }

    private final Map<Name, Integer> ids = new HashMap<>();
    private final List<Name> names = new ArrayList<>();

    /** The id of the name; {@code count} is the new[] element count (0 for the other kinds). */
    int id(Kind kind, int classId, long count, long size) {
        return ids.computeIfAbsent(new Name(kind, classId, count, size), n -> {
            names.add(n);
            return names.size() - 1;
        });
    }

    Kind kind(int id) {
        return names.get(id).kind();
    }

    /** The display names in id order, with the element classes named by {@code classes}. */
    List<String> display(TypeNames classes) {
        List<String> out = new ArrayList<>(names.size());
        for (Name n : names) {
            String t = classes.className(n.classId());
            String size = "malloc(" + n.size() + ")";
            out.add(switch (n.kind()) {
                case NEW_ARRAY -> TypeNames.CPP_PREFIX + t + "[] (new[] of " + n.count() + ", " + size + ")";
                case POINTER_ARRAY -> TypeNames.CPP_PREFIX + t + "*[] (" + size + ")";
                case POINTER_VECTOR -> "std::vector<" + t + "*> body (" + size + ")";
            });
        }
        return out;
    }
}

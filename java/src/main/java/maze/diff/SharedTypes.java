package maze.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import maze.classify.TypeKeys;
import maze.classify.TypeNames;

/**
 * One type numbering for several cores: each core numbers its C++ classes its own way, so a
 * class key is translated to the id its name has here before blocks of two cores are compared.
 * Size keys ({@code malloc(N)}) mean the same in every core and pass unchanged.
 */
public final class SharedTypes {
    private final List<String> classNames = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();

    /** The translation for one core: index = the core's class id, value = the shared class id. */
    public int[] translation(TypeNames local) {
        int[] map = new int[local.classCount()];
        for (int i = 0; i < map.length; i++) {
            String name = local.className(i);
            map[i] = ids.computeIfAbsent(name, n -> {
                classNames.add(n);
                return classNames.size() - 1;
            });
        }
        return map;
    }

    /** {@code localKey} of a core in the shared numbering. */
    public static long shared(int[] translation, long localKey) {
        return TypeKeys.isClass(localKey) ? TypeKeys.ofClass(translation[TypeKeys.classId(localKey)]) : localKey;
    }

    /** The names of every type interned so far. */
    public TypeNames names() {
        return new TypeNames(classNames);
    }
}

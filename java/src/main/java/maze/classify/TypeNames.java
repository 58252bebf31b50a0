package maze.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The display names behind type keys: {@code C++ NAME} for a class id, {@code malloc(N)} for a
 * size. Names are built only when a report is rendered, never per block.
 */
public final class TypeNames {
    public static final String CPP_PREFIX = "C++ ";
    private static final String MALLOC_PREFIX = "malloc(";

    private final String[] classNames;
    private final Map<String, Integer> idsByName;

    /** {@code classNames.get(i)} is the demangled name of class id i; names must be distinct. */
    public TypeNames(List<String> classNames) {
        this.classNames = classNames.toArray(new String[0]);
        this.idsByName = new HashMap<>();
        for (int i = 0; i < this.classNames.length; i++) {
            if (idsByName.putIfAbsent(this.classNames[i], i) != null) {
                throw new IllegalArgumentException("class name twice: " + this.classNames[i]);
            }
        }
    }

    /** No C++ classes known: every block is named by its size. */
    public static TypeNames sizesOnly() {
        return new TypeNames(List.of());
    }

    public int classCount() {
        return classNames.length;
    }

    /** The demangled class name (without the "C++ " prefix). */
    public String className(int classId) {
        return classNames[classId];
    }

    public String name(long key) {
        if (TypeKeys.isClass(key)) {
            return CPP_PREFIX + classNames[TypeKeys.classId(key)];
        }
        if (TypeKeys.isPattern(key)) {
            return TypeKeys.patternOf(key).label + " (" + MALLOC_PREFIX + TypeKeys.sizeOf(key) + "))";
        }
        return MALLOC_PREFIX + key + ")";
    }

    /** The key a type string stands for (exact match), or empty when no block can have it. */
    public OptionalLong keyOf(String typeName) {
        if (typeName.startsWith(CPP_PREFIX)) {
            Integer id = idsByName.get(typeName.substring(CPP_PREFIX.length()));
            return id == null ? OptionalLong.empty() : OptionalLong.of(TypeKeys.ofClass(id));
        }
        for (ContainerPattern p : ContainerPattern.values()) {
            String prefix = p.label + " (";
            if (typeName.startsWith(prefix) && typeName.endsWith(")")) {
                OptionalLong size = sizeKey(typeName.substring(prefix.length(), typeName.length() - 1));
                return size.isPresent() ? OptionalLong.of(TypeKeys.ofPattern(p, size.getAsLong())) : size;
            }
        }
        return sizeKey(typeName);
    }

    /** The key of "malloc(N)", or empty. */
    private static OptionalLong sizeKey(String typeName) {
        if (typeName.startsWith(MALLOC_PREFIX) && typeName.endsWith(")")) {
            String digits = typeName.substring(MALLOC_PREFIX.length(), typeName.length() - 1);
            if (!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                    && (digits.length() == 1 || digits.charAt(0) != '0')) {
                try {
                    long size = Long.parseLong(digits);
                    return TypeKeys.isPattern(size) ? OptionalLong.empty() : OptionalLong.of(size);
                } catch (NumberFormatException tooLarge) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}

package maze.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The display names behind type keys: {@code C++ NAME} for a class id, {@code malloc(N)} for a
 * size. Names are built only when a report is rendered, never per block. Class ids past the
 * classes may stand for derived names, each given whole (the arrays of {@code --patterns}:
 * {@code C++ Gadget*[] (malloc(48))}), numbered after the classes.
 */
public final class TypeNames {
    public static final String CPP_PREFIX = "C++ ";
    private static final String MALLOC_PREFIX = "malloc(";

    private final String[] classNames;
    private final Map<String, Integer> idsByName;
    private final String[] derived;
    private final Map<String, Integer> derivedIds;

    /** {@code classNames.get(i)} is the demangled name of class id i; names must be distinct. */
    public TypeNames(List<String> classNames) {
        this(classNames.toArray(new String[0]), List.of());
    }

    private TypeNames(String[] classNames, List<String> derivedNames) {
        this.classNames = classNames;
        this.idsByName = ids(classNames, 0);
        this.derived = derivedNames.toArray(new String[0]);
        this.derivedIds = ids(derived, classNames.length);
    }

    private static Map<String, Integer> ids(String[] names, int first) {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (ids.putIfAbsent(names[i], first + i) != null) {
                throw new IllegalArgumentException("type name twice: " + names[i]);
            }
        }
        return ids;
    }

    /**
     * These classes and {@code derivedNames} (whole display names) as class ids from
     * {@link #classCount()} on, in list order; names given before are dropped.
     */
    public TypeNames withDerived(List<String> derivedNames) {
        return new TypeNames(classNames, derivedNames);
    }

    /** No C++ classes known: every block is named by its size. */
    public static TypeNames sizesOnly() {
        return new TypeNames(List.of());
    }

    /** The classes, without the derived names: the first derived name's id. */
    public int classCount() {
        return classNames.length;
    }

    /** Every class id in use: classes and derived names. */
    public int idCount() {
        return classNames.length + derived.length;
    }

    /** The demangled class name (without the "C++ " prefix) of a class id below {@link #classCount()}. */
    public String className(int classId) {
        return classNames[classId];
    }

    public String name(long key) {
        if (TypeKeys.isClass(key)) {
            int id = TypeKeys.classId(key);
            return id < classNames.length ? CPP_PREFIX + classNames[id] : derived[id - classNames.length];
        }
        if (TypeKeys.isPattern(key)) {
            return TypeKeys.patternOf(key).label + " (" + MALLOC_PREFIX + TypeKeys.sizeOf(key) + "))";
        }
        return MALLOC_PREFIX + key + ")";
    }

    /** The key a type string stands for (exact match), or empty when no block can have it. */
    public OptionalLong keyOf(String typeName) {
        Integer derivedId = derivedIds.get(typeName);
        if (derivedId != null) {
            return OptionalLong.of(TypeKeys.ofClass(derivedId));
        }
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

package maze.layout;

import java.util.Map;
import java.util.OptionalLong;

/**
 * Struct layouts and symbol values of ONE module (a library or executable), identified by
 * build-id. Addresses are link-time values (add the module's load bias to use them).
 */
public interface LayoutSource {

    /** The layout of {@code name} ("struct x", "x" for a typedef); throws LayoutException if unknown. */
    StructLayout struct(String name);

    /** Link-time address of a global, hidden or static symbol, if the module's symbols know it. */
    OptionalLong symbol(String name);

    /** Offset of a thread-local variable inside the module's TLS block, if known. */
    OptionalLong tlsOffset(String name);

    /** {@code values.get(name)} as an OptionalLong: how the sources answer from their maps. */
    static OptionalLong lookup(Map<String, Long> values, String name) {
        Long v = values.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }
}

package maze.layout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What gdb's {@code info address NAME} says about a symbol.
 *
 * @param kind  STATIC (a variable with DWARF), FUNCTION, TLS (value is the offset in the module's
 *              TLS block), MINIMAL (from the ELF symbol table, no DWARF: an address, or for a
 *              thread-local symbol its TLS offset, which gdb does not tell apart), OTHER (no
 *              fixed address: a constant, optimized out...)
 * @param value the address or offset (link-time), or 0 for OTHER
 */
public record SymbolAnswer(Kind kind, long value) {
    public enum Kind { STATIC, FUNCTION, TLS, MINIMAL, OTHER }

    private static final Pattern TLS = Pattern.compile("is a thread-local variable at offset 0x([0-9a-fA-F]+)");
    private static final Pattern STATIC = Pattern.compile("is static storage at address 0x([0-9a-fA-F]+)");
    private static final Pattern FUNCTION = Pattern.compile("is a function at address 0x([0-9a-fA-F]+)");
    private static final Pattern MINIMAL = Pattern.compile("is at 0x([0-9a-fA-F]+) in a file compiled without debugging");

    /** Reads the console text of {@code info address}. */
    public static SymbolAnswer parse(String console) {
        for (Kind k : new Kind[] {Kind.TLS, Kind.STATIC, Kind.FUNCTION, Kind.MINIMAL}) {
            Matcher m = pattern(k).matcher(console);
            if (m.find()) {
                return new SymbolAnswer(k, Long.parseUnsignedLong(m.group(1), 16));
            }
        }
        return new SymbolAnswer(Kind.OTHER, 0);
    }

    private static Pattern pattern(Kind k) {
        return switch (k) {
            case TLS -> TLS;
            case STATIC -> STATIC;
            case FUNCTION -> FUNCTION;
            default -> MINIMAL;
        };
    }
}

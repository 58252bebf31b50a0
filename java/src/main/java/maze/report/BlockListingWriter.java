package maze.report;

import java.io.Flushable;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import maze.classify.ContainerPattern;
import maze.classify.TypeKeys;
import maze.classify.TypeNames;
import maze.classify.TypedBlockSink;

/**
 * Writes each block as it arrives, as one JSON line: {@code {"address":"0x7f...","size":N,"type":"..."}}.
 * Type names are escaped once per class, sizes and addresses written digit by digit, so a line
 * costs no allocation. Call {@link #flush} when the walk is done; the stream is not closed.
 */
public final class BlockListingWriter implements TypedBlockSink, Flushable {
    private static final byte[] ADDRESS = bytes("{\"address\":\"0x");
    private static final byte[] SIZE = bytes("\",\"size\":");
    private static final byte[] TYPE = bytes(",\"type\":\"");
    private static final byte[] MALLOC = bytes("malloc(");
    private static final byte[] END_MALLOC = bytes(")\"}\n");
    private static final byte[] END = bytes("\"}\n");
    private static final byte[] END_PATTERN = bytes("))\"}\n");
    /** "LABEL (malloc(" per pattern; labels need no escaping. */
    private static final byte[][] PATTERNS = java.util.Arrays.stream(ContainerPattern.values())
            .map(p -> bytes(p.label + " (malloc(")).toArray(byte[][]::new);
    /** Room for a line's fixed parts and numbers (97 bytes at most; 140 with a pattern's name), without a class name. */
    private static final int FIXED = 160;

    private final JsonLineBuffer line;
    private final TypeNames names;
    private final byte[][] classNames;
    private final boolean anyType;
    private final long wantedType;
    private final long minSize;
    private long written;

    public BlockListingWriter(OutputStream out, TypeNames names, ListingFilter filter) {
        this.line = new JsonLineBuffer(out);
        this.names = names;
        this.classNames = new byte[names.idCount()][];
        this.anyType = filter.type() == null;
        OptionalLong key = anyType ? OptionalLong.empty() : names.keyOf(filter.type());
        // an unknown type matches no block; Long.MIN_VALUE is no type key
        this.wantedType = key.orElse(Long.MIN_VALUE);
        this.minSize = filter.minSize();
    }

    /** False when a --type was given that no block can have (unknown class, malformed name). */
    public boolean typeFilterKnown() {
        return anyType || wantedType != Long.MIN_VALUE;
    }

    @Override
    public void block(long address, long size, int flags, long typeKey) {
        if (size < minSize || (!anyType && typeKey != wantedType)) {
            return;
        }
        byte[] className = TypeKeys.isClass(typeKey) ? className(TypeKeys.classId(typeKey)) : null;
        line.reserve(FIXED + (className == null ? 0 : className.length));
        line.raw(ADDRESS);
        line.hex(address);
        line.raw(SIZE);
        line.decimal(size);
        line.raw(TYPE);
        if (TypeKeys.isPattern(typeKey)) {
            line.raw(PATTERNS[TypeKeys.patternOf(typeKey).ordinal()]);
            line.decimal(TypeKeys.sizeOf(typeKey));
            line.raw(END_PATTERN);
        } else if (className == null) {
            line.raw(MALLOC);
            line.decimal(typeKey);
            line.raw(END_MALLOC);
        } else {
            line.raw(className);
            line.raw(END);
        }
        written++;
    }

    private byte[] className(int id) {
        byte[] b = classNames[id];
        if (b == null) {
            b = JsonLineBuffer.escaped(names.name(TypeKeys.ofClass(id)));
            classNames[id] = b;
        }
        return b;
    }

    /** Lines written so far. */
    public long written() {
        return written;
    }

    @Override
    public void flush() {
        line.flush();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

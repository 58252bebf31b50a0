package maze.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import maze.classify.TypeNames;
import maze.output.JsonEscapes;
import maze.report.BlockListingWriter;
import maze.report.ListingFilter;

/**
 * The blocks of one kind of change as JSON Lines, in address order, in the shape of
 * {@code maze blocks}: {@code {"address":"0x...","size":N,"type":"..."}}; a reused address adds
 * what it held before: {@code "was_size":N,"was_type":"..."}. Gone blocks carry the earlier core's
 * size and type, the others the later core's. In a series of more than two cores every line ends
 * with the step it belongs to: {@code "from":I,"to":I+1} (indexes into the cores).
 */
public final class ChangeListing implements BlockChanges {
    private final StepCounts.Kind kind;
    private final TypeNames names;
    private final BlockListingWriter plain;
    private final JsonGenerator json;
    /** The step's earlier core, or -1 for a diff of two cores (no step fields). */
    private final int from;
    private long written;

    /** The listing of two cores' diff. */
    public ChangeListing(StepCounts.Kind kind, TypeNames names, OutputStream out) {
        this(kind, names, out, -1);
    }

    /** {@code from} >= 0: one step of a series, from core {@code from} to the next. */
    public ChangeListing(StepCounts.Kind kind, TypeNames names, OutputStream out, int from) {
        this.kind = kind;
        this.names = names;
        this.from = from;
        boolean fast = kind != StepCounts.Kind.REUSED && from < 0;
        this.plain = fast ? new BlockListingWriter(out, names, ListingFilter.ALL) : null;
        this.json = fast ? null : generator(out);
    }

    private static JsonGenerator generator(OutputStream out) {
        try {
            JsonGenerator g = new JsonFactory().createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setCharacterEscapes(new JsonEscapes());
            g.setRootValueSeparator(null);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void survivor(long address, long size, long key) {
        plain(StepCounts.Kind.SURVIVORS, address, size, key);
    }

    @Override
    public void added(long address, long size, long key) {
        plain(StepCounts.Kind.NEW, address, size, key);
    }

    @Override
    public void gone(long address, long size, long key) {
        plain(StepCounts.Kind.GONE, address, size, key);
    }

    private void plain(StepCounts.Kind k, long address, long size, long key) {
        if (k != kind) {
            return;
        }
        if (plain != null) {
            plain.block(address, size, 0, key);
        } else {
            line(address, size, key, -1, 0);
        }
        written++;
    }

    @Override
    public void reused(long address, long wasSize, long wasKey, long size, long key) {
        if (kind == StepCounts.Kind.REUSED) {
            line(address, size, key, wasSize, wasKey);
            written++;
        }
    }

    /** One line through the generator; {@code wasSize} < 0: not a reused address. */
    private void line(long address, long size, long key, long wasSize, long wasKey) {
        try {
            json.writeStartObject();
            json.writeStringField("address", "0x" + Long.toHexString(address));
            json.writeNumberField("size", size);
            json.writeStringField("type", names.name(key));
            if (wasSize >= 0) {
                json.writeNumberField("was_size", wasSize);
                json.writeStringField("was_type", names.name(wasKey));
            }
            if (from >= 0) {
                json.writeNumberField("from", from);
                json.writeNumberField("to", from + 1);
            }
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long written() {
        return written;
    }

    /** Writes out what is buffered; the stream stays open. */
    public void flush() throws IOException {
        if (plain != null) {
            plain.flush();
        } else {
            json.flush();
        }
    }
}

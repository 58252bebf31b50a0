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
 * size and type, the others the later core's.
 */
public final class ChangeListing implements BlockChanges {
    private final StepCounts.Kind kind;
    private final TypeNames names;
    private final BlockListingWriter plain;
    private final JsonGenerator reused;
    private long written;

    public ChangeListing(StepCounts.Kind kind, TypeNames names, OutputStream out) {
        this.kind = kind;
        this.names = names;
        this.plain = kind == StepCounts.Kind.REUSED ? null : new BlockListingWriter(out, names, ListingFilter.ALL);
        this.reused = kind == StepCounts.Kind.REUSED ? generator(out) : null;
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
        if (k == kind) {
            plain.block(address, size, 0, key);
            written++;
        }
    }

    @Override
    public void reused(long address, long wasSize, long wasKey, long size, long key) {
        if (kind != StepCounts.Kind.REUSED) {
            return;
        }
        try {
            reused.writeStartObject();
            reused.writeStringField("address", "0x" + Long.toHexString(address));
            reused.writeNumberField("size", size);
            reused.writeStringField("type", names.name(key));
            reused.writeNumberField("was_size", wasSize);
            reused.writeStringField("was_type", names.name(wasKey));
            reused.writeEndObject();
            reused.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written++;
    }

    public long written() {
        return written;
    }

    /** Writes out what is buffered; the stream stays open. */
    public void flush() throws IOException {
        if (plain != null) {
            plain.flush();
        } else {
            reused.flush();
        }
    }
}

package maze.diff;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import maze.output.JsonEscapes;

/** The machine-readable diff; its schema is in docs/diff.md (change both together). */
public final class DiffJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DiffJson() {
    }

    /** Writes the diff and leaves {@code out} open. */
    public static void write(DiffResult d, OutputStream out) throws IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setCharacterEscapes(new JsonEscapes());
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            cores(d, g);
            g.writeBooleanField("by_type_only", d.byTypeOnly());
            steps(d, g);
            types(d, g);
            if (d.byRoot() != null) {
                byRoot(d.byRoot(), g);
            }
            g.writeBooleanField("partial", d.partial());
            g.writeArrayFieldStart("warnings");
            for (String w : d.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void cores(DiffResult d, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("cores");
        for (CoreSnapshot c : d.cores()) {
            g.writeStartObject();
            g.writeStringField("file", c.label());
            g.writeNumberField("pid", c.pid());
            g.writeStringField("executable", c.executable());
            g.writeStringField("allocator", c.summary().allocatorAndVersion());
            g.writeNumberField("live_blocks", c.summary().liveBlocks());
            g.writeNumberField("live_bytes", c.summary().liveBytes());
            g.writeNumberField("types", c.rows().size());
            g.writeBooleanField("partial", c.summary().partial());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void steps(DiffResult d, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("steps");
        for (int i = 0; i < d.steps().size(); i++) {
            StepCounts s = d.steps().get(i);
            g.writeStartObject();
            g.writeNumberField("from", i);
            g.writeNumberField("to", i + 1);
            for (StepCounts.Kind k : StepCounts.Kind.values()) {
                g.writeObjectFieldStart(k.label);
                g.writeNumberField("blocks", s.blocks(k));
                g.writeNumberField("bytes", s.bytes(k));
                if (k == StepCounts.Kind.REUSED) {
                    g.writeNumberField("bytes_before", s.reusedBytesBefore());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void types(DiffResult d, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("types");
        for (TypeSeries t : d.types()) {
            g.writeStartObject();
            g.writeStringField("type", t.type());
            g.writeFieldName("blocks");
            g.writeArray(t.blocks(), 0, t.blocks().length);
            g.writeFieldName("bytes");
            g.writeArray(t.bytes(), 0, t.bytes().length);
            g.writeNumberField("blocks_change", t.blocksChange());
            g.writeNumberField("bytes_change", t.bytesChange());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void byRoot(NewByRoot r, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("new_by_root");
        g.writeNumberField("from", r.core() - 1);
        g.writeNumberField("to", r.core());
        g.writeArrayFieldStart("roots");
        for (NewByRoot.Row row : r.rows()) {
            g.writeStartObject();
            g.writeStringField("root", row.root());
            g.writeObjectFieldStart("new");
            g.writeNumberField("blocks", row.newBlocks());
            g.writeNumberField("bytes", row.newBytes());
            g.writeEndObject();
            g.writeObjectFieldStart("reused");
            g.writeNumberField("blocks", row.reusedBlocks());
            g.writeNumberField("bytes", row.reusedBytes());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}

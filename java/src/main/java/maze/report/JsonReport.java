package maze.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import maze.classify.NameSources;
import maze.classify.VtableSource;
import maze.heap.Coverage;

/**
 * The machine-readable report: {@code {"items":[...],"other":...,"summary":{...},"warnings":[...]}}.
 * The schema is documented in docs/json-schema.md; change both together.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {
    }

    /** Writes the report and leaves {@code out} open. */
    public static void write(Ranking ranking, ReportSummary summary, OutputStream out) throws IOException {
        write(ranking, summary, null, out);
    }

    /** The same with the process accounting ({@code "process"}, null: left out). */
    public static void write(Ranking ranking, ReportSummary summary, MemoryAccounting accounting, OutputStream out)
            throws IOException {
        write(ranking, summary, accounting, null, out);
    }

    /** Fields another part of maze adds before {@code "warnings"} (maze analyze --retained: "retained"). */
    public interface Section {
        void write(JsonGenerator g) throws IOException;
    }

    /** The same with {@code more} (null: none) written after the accounting. */
    public static void write(Ranking ranking, ReportSummary summary, MemoryAccounting accounting, Section more,
            OutputStream out) throws IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            writeItems(ranking, g);
            writeOther(ranking, g);
            writeSummary(summary, ranking, g);
            if (accounting != null) {
                AccountingJson.write(accounting, g);
            }
            if (more != null) {
                more.write(g);
            }
            g.writeArrayFieldStart("warnings");
            for (String w : summary.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeItems(Ranking ranking, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("items");
        int order = 1;
        for (ReportRow r : ranking.shown()) {
            g.writeStartObject();
            g.writeNumberField("order", order++);
            writeSums(r, g);
            g.writeStringField("type", r.type());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** What --top left out, so totals still add up; null when every type is listed. */
    private static void writeOther(Ranking ranking, JsonGenerator g) throws IOException {
        ReportRow other = ranking.other();
        if (other == null) {
            g.writeNullField("other");
            return;
        }
        g.writeObjectFieldStart("other");
        g.writeNumberField("types", ranking.otherTypes());
        writeSums(other, g);
        g.writeEndObject();
    }

    private static void writeSums(ReportRow r, JsonGenerator g) throws IOException {
        g.writeNumberField("amount", r.amount());
        g.writeNumberField("total_size", r.totalSize());
        g.writeNumberField("avg_size", r.avgSize());
    }

    private static void writeSummary(ReportSummary s, Ranking ranking, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeStringField("allocator", s.allocator());
        g.writeStringField("version", s.version());
        g.writeNumberField("live_blocks", s.liveBlocks());
        g.writeNumberField("live_bytes", s.liveBytes());
        g.writeNumberField("types", ranking.shown().size() + ranking.otherTypes());
        g.writeFieldName("facts");
        g.writeObject(s.facts());
        g.writeBooleanField("partial", s.partial());
        writeNames(s.names(), g);
        g.writeArrayFieldStart("allocators");
        for (Coverage c : s.coverage()) {
            writeCoverage(c, g);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {"vtables": {"module_symtab": N, ...}, "blocks": {...}}, or null when not known. */
    private static void writeNames(NameSources names, JsonGenerator g) throws IOException {
        if (names == null) {
            g.writeNullField("type_names");
            return;
        }
        g.writeObjectFieldStart("type_names");
        for (String what : new String[] {"vtables", "blocks"}) {
            g.writeObjectFieldStart(what);
            for (VtableSource source : VtableSource.values()) {
                g.writeNumberField(source.key, what.equals("vtables") ? names.vtables(source) : names.blocks(source));
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeCoverage(Coverage c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("allocator", c.allocator());
        g.writeStringField("version", c.version() == null ? null : c.version().text());
        g.writeStringField("module", c.module());
        g.writeStringField("found_by", c.evidence());
        g.writeBooleanField("serves_malloc", c.servesMalloc());
        g.writeBooleanField("walked", c.walked());
        g.writeStringField("not_walked_because", c.notWalked());
        g.writeNumberField("blocks", c.blocks());
        g.writeNumberField("bytes", c.bytes());
        g.writeEndObject();
    }
}

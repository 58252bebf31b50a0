package maze.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import maze.heap.MallocSpace;

/** The JSON form of {@link MemoryAccounting} (docs/json-schema.md, "process"): one object. */
final class AccountingJson {
    private AccountingJson() {
    }

    static void write(MemoryAccounting a, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("process");
        g.writeStringField("total_is", "sum of the core's PT_LOAD p_memsz");
        g.writeNumberField("mapped_bytes", a.mappedBytes());
        g.writeNumberField("segments", a.segments());
        g.writeObjectFieldStart("categories");
        for (MemoryAccounting.Category c : a.categories()) {
            g.writeNumberField(c.key(), c.bytes());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("biggest_other_anonymous");
        for (MemoryAccounting.Mapping m : a.biggestOther()) {
            g.writeStartObject();
            g.writeStringField("start", hex(m.start()));
            g.writeStringField("end", hex(m.end()));
            g.writeNumberField("bytes", m.bytes());
            g.writeStringField("what", m.what());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notes");
        for (String n : a.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("malloc_space");
        for (MemoryAccounting.Space s : a.mallocSpaces()) {
            space(s, g);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void space(MemoryAccounting.Space s, JsonGenerator g) throws IOException {
        MallocSpace sp = s.space();
        g.writeStartObject();
        g.writeStringField("allocator", s.allocator());
        g.writeNumberField("threads", sp.threads());
        g.writeNumberField("mmapped_blocks", sp.mmappedBlocks());
        g.writeNumberField("mmapped_bytes", sp.mmappedBytes());
        g.writeNumberField("free_bytes", sp.free());
        g.writeStringField("free_is", sp.freeIs());
        g.writeArrayFieldStart("pools");
        for (MallocSpace.Pool p : sp.pools()) {
            pool(p, g);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("advice");
        for (String a : sp.advice()) {
            g.writeString(a);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void pool(MallocSpace.Pool p, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", p.name());
        g.writeStringField("address", hex(p.address()));
        g.writeNumberField("system_bytes", p.systemBytes());
        g.writeNumberField("free_bytes", p.free());
        g.writeNumberField("top_bytes", p.top());
        g.writeNumberField("untrimmed_bytes", p.untrimmed());
        g.writeNumberField("fastbin_bytes", p.fastbins());
        g.writeNumberField("tcache_bytes", p.tcache());
        g.writeObjectFieldStart("binned_by_size");
        for (int i = 0; i < MallocSpace.BAND_NAMES.size(); i++) {
            g.writeNumberField(MallocSpace.BAND_NAMES.get(i), p.binnedByBand()[i]);
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}

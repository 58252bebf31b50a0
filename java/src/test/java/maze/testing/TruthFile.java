package maze.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The truth file format of tests/fixtures/truth_log.c (described in tests/fixtures/README.md):
 * a JSON header line, then one flat JSON object per block, streamed into a {@link GroundTruth}.
 */
final class TruthFile {
    private TruthFile() {
    }

    /** Reads a truth file: the header line first, then the blocks. */
    static GroundTruth read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String first = r.readLine();
            if (first == null) {
                throw new IOException("empty truth file " + file);
            }
            JsonNode h = new ObjectMapper().readTree(first);
            GroundTruth.Builder b = GroundTruth.builder(h.path("scenario").asText("?"))
                    .threadsAlive(h.path("threads_alive").asInt())
                    .mallinfo(GroundTruth.Mallinfo.of(h.get("mallinfo2")));
            readBlocks(new JsonFactory().createParser(r), b, file);
            return b.build();
        }
    }

    private static void readBlocks(JsonParser p, GroundTruth.Builder b, Path file) throws IOException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            try {
                readBlock(p, b);
            } catch (RuntimeException e) {
                throw new IOException(file + ": bad block line near " + p.getCurrentLocation(), e);
            }
        }
    }

    /** One block object; the fields are read into locals, in any order. */
    private static void readBlock(JsonParser p, GroundTruth.Builder b) throws IOException {
        String ptr = null;
        String start = null;
        String kind = null;
        String type = "";
        long size = -1;
        boolean vtable = false;
        boolean live = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.getCurrentName();
            p.nextToken();
            switch (name) {
                case "ptr" -> ptr = p.getText();
                case "start" -> start = p.getText();
                case "size" -> size = p.getLongValue();
                case "kind" -> kind = p.getText();
                case "type" -> type = p.getText();
                case "vtable" -> vtable = p.getBooleanValue();
                case "live" -> live = p.getBooleanValue();
                default -> p.skipChildren();
            }
        }
        if (size < 0) {
            throw new IllegalArgumentException("no size");
        }
        b.add(hex(ptr), hex(start), size, GroundTruth.Kind.of(kind), type, vtable, live);
    }

    static long hex(String s) {
        if (s == null || !s.startsWith("0x")) {
            throw new IllegalArgumentException("not a 0x address: " + s);
        }
        return Long.parseUnsignedLong(s.substring(2), 16);
    }
}

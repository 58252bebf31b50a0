package maze.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import maze.classify.BlockClassifier;
import maze.classify.ClassifyingSink;
import org.junit.jupiter.api.Test;

class TeeSinkTest {

    @Test
    void oneWalkFeedsTheAggregatorAndTheListingAlike() throws Exception {
        SyntheticHeap heap = new SyntheticHeap(3, 5);
        BlockClassifier classifier = heap.classifier();
        TypeAggregator agg = new TypeAggregator();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BlockListingWriter listing = new BlockListingWriter(out, classifier.names(), ListingFilter.ALL);
        heap.walk(1000, new ClassifyingSink(classifier, TeeSink.of(agg, listing)));
        listing.flush();

        ObjectMapper json = new ObjectMapper();
        Map<String, Long> listed = new TreeMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            listed.merge(json.readTree(line).get("type").asText(), 1L, Long::sum);
        }
        Map<String, Long> aggregated = agg.rows(classifier.names()).stream()
                .collect(Collectors.toMap(ReportRow::type, ReportRow::amount, Long::sum, TreeMap::new));
        assertEquals(aggregated, listed);
        assertEquals(8, aggregated.size(), "3 classes and 5 sizes");
        // SyntheticHeap does not demangle: its names stay as the symbols spell them
        assertEquals(250L, aggregated.get("C++ _ZTV6Class0") + aggregated.get("C++ _ZTV6Class1") + aggregated.get("C++ _ZTV6Class2"));
    }
}

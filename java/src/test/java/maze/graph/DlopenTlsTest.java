package maze.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocks that only a dlopen'd module's thread-local variable holds (tls_dlopen): that TLS is no
 * static block below the thread pointer but malloc'd, reached through each thread's dtv, so the
 * graph must find them anchored through the dtv, in the main thread and in another.
 */
@Tag("scenario")
class DlopenTlsTest {
    @TempDir
    Path dir;

    @Test
    void blocksHeldOnlyByADlopenedModulesThreadLocalAreAnchored() throws Exception {
        ReachTruth t = ReachTruth.take("tls_dlopen", dir.resolve("run"), Map.of(), List.of());
        assertEquals(Map.of("anchored", 2), t.perSet());
        assertEquals(List.of(), t.wrongSets(t.listing(dir.resolve("sets.jsonl"))));
    }
}

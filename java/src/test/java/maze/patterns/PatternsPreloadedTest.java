package maze.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import maze.testing.PreloadLibraries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The patterns over other allocators (no headers between blocks): the fixture LD_PRELOADed, every block scored. */
@Tag("scenario")
class PatternsPreloadedTest {
    @TempDir
    Path dir;

    @Test
    void debiansTcmalloc() throws Exception {
        score(PreloadLibraries.debianTcmalloc());
    }

    @Test
    void mimalloc2() throws Exception {
        score(PreloadLibraries.mimalloc2());
    }

    private void score(Path lib) throws Exception {
        PatternsTruth run = PatternsTruth.take(dir.resolve("run"), Map.of("LD_PRELOAD", lib.toString()));
        assertEquals(List.of(), run.wronglyNamed(), lib.toString());
        assertEquals(PatternsTruth.COUNTS, run.expected(), "the fixture's truth");
        assertEquals(run.expected(), run.named(), "blocks per pattern: " + lib);
    }
}

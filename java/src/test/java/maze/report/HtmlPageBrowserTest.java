package maze.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import maze.testing.Chromium;
import maze.testing.CliRun;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import maze.testing.GrowCores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML pages of maze analyze and maze diff rendered by a real browser (headless chromium):
 * the page's script ran without an error, the treemap holds the types maze's own JSON puts first,
 * and the screenshot is not blank.
 */
@Tag("gcore")
class HtmlPageBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CELL = Pattern.compile("<rect data-type=\"([^\"]*)\"");

    @TempDir
    Path dir;

    @Test
    void analyzePageOfTheDemoRenders() throws Exception {
        Chromium.required(); // before the fixture's work
        Path core;
        try (FixtureProcess fp = FixtureProcess.start(List.of(Fixtures.binary("demo").toString()), dir,
                FixtureProcess.defaultTimeout())) {
            core = fp.gcore(dir);
        }
        Path page = dir.resolve("demo.html");
        Path json = dir.resolve("demo.json");
        CliRun r = CliRun.maze("analyze", core.toString(), "--html", page.toString(), "--json", json.toString(),
                "--no-progress");
        assertEquals(0, r.exit(), r.err());
        List<String> top = firstTypes(JSON.readTree(json.toFile()).path("items"), "type", 5);
        String dom = checkRendered(page, top);
        // the demo runs on glibc: its one arena's bytes in use and free get cells of their own
        for (String cell : List.of("main_arena: in use", "main_arena: free (Top)")) {
            assertTrue(dom.contains("<rect data-type=\"" + cell + "\""), "the pools' treemap has a cell for " + cell);
        }
    }

    @Test
    void diffPageOfTheGrowFixtureRenders() throws Exception {
        Chromium.required();
        GrowCores cores = GrowCores.take(dir);
        Path page = dir.resolve("diff.html");
        Path json = dir.resolve("diff.json");
        // three cores: the page also draws the series
        CliRun r = CliRun.maze("diff", cores.a().toString(), cores.b().toString(), cores.b().toString(), "--html",
                page.toString(), "--json", json.toString(), "--no-progress");
        assertEquals(0, r.exit(), r.err());
        List<String> grew = firstTypes(JSON.readTree(json.toFile()).path("types"), "type", 3);
        String dom = checkRendered(page, grew);
        for (String type : grew) {
            assertTrue(dom.contains("<polyline data-type=\"" + type + "\""), "the series chart has a line for " + type);
        }
        // two cores and --retained: a treemap of what holds the new memory, a cell for each of its four holders
        Path roots = dir.resolve("roots.html");
        Path rootsJson = dir.resolve("roots.json");
        CliRun retained = CliRun.maze("diff", cores.a().toString(), cores.b().toString(), "--retained", "--html",
                roots.toString(), "--json", rootsJson.toString(), "--no-progress");
        assertEquals(0, retained.exit(), retained.err());
        List<String> holders = firstTypes(JSON.readTree(rootsJson.toFile()).path("new_by_root").path("roots"), "root", 4);
        String rootsDom = checkRendered(roots, grew);
        assertTrue(rootsDom.contains("<svg id=\"roots\""), "the holders' treemap");
        for (String holder : holders) {
            assertTrue(rootsDom.contains("<rect data-type=\"" + HtmlPage.escape(holder) + "\""), "a cell for " + holder);
        }
    }

    private static List<String> firstTypes(JsonNode rows, String field, int n) {
        List<String> types = new java.util.ArrayList<>();
        for (int i = 0; i < n && i < rows.size(); i++) {
            types.add(rows.get(i).path(field).asText());
        }
        assertEquals(n, types.size(), "maze's JSON has at least " + n + " rows");
        return types;
    }

    /** Renders {@code page}, checks it, and returns its DOM. */
    private String checkRendered(Path page, List<String> top) throws Exception {
        String html = Files.readString(page);
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains(" src="),
                "the page loads nothing from elsewhere");
        Chromium.Rendered shown = Chromium.render(page, dir, 1280, 1000);
        assertTrue(shown.dom().contains("data-maze-page=\"ready\""), "the page's script ran to its end: " + shown.log());
        assertFalse(shown.dom().contains("data-maze-error=\"yes\""), "a script error: " + shown.log());
        List<String> cells = new java.util.ArrayList<>();
        Matcher m = CELL.matcher(shown.dom());
        while (m.find()) {
            cells.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&"));
        }
        assertTrue(shown.dom().contains("data-maze-cells=\"" + cells.size() + "\""), "the script counted the cells");
        for (String type : top) {
            assertTrue(cells.contains(type), "the treemap has a cell for " + type + ": " + cells);
        }
        double inked = shown.inkedFraction();
        // measured at 1280x1000: the demo's page 0.547, the grow diff's (three cores) 0.553; a blank page is 0
        assertTrue(inked > 0.25, "the screenshot is mostly blank: " + inked + " of its pixels are not white");
        return shown.dom();
    }
}

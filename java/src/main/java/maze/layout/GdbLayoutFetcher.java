package maze.layout;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import maze.gdb.GdbOptions;
import maze.gdb.GdbSession;
import maze.gdb.MiReply;

/**
 * Answers a {@link LayoutRequest} for one module file with ONE gdb session: the file is loaded
 * (symbols only), then the whole request goes to maze.py in one command ({@link ScriptQuestions}),
 * or, when this gdb cannot run it, one ptype per struct ({@link PtypeQuestions}).
 */
final class GdbLayoutFetcher {
    private static final Pattern DEBUG_FILE = Pattern.compile("Reading symbols from (.*\\.debug)\\.\\.\\.");
    private static final Pattern DEBUG_DIRS = Pattern.compile("searched for is \"(.*)\"");
    private static final String NO_DWARF = "(No debugging symbols found in";

    private final GdbSession gdb;
    private final ModuleLayouts out;

    private GdbLayoutFetcher(GdbSession gdb, ModuleLayouts out) {
        this.gdb = gdb;
        this.out = out;
    }

    /** Asks gdb about every name in {@code r}; {@code debugLink} only feeds the no-DWARF message. */
    static ModuleLayouts fetch(GdbOptions options, Path file, String buildId, String debugLink, LayoutRequest r,
                               FetchRoute route) {
        ModuleLayouts out = new ModuleLayouts(file.toString(), buildId);
        try (GdbSession gdb = GdbSession.start(options)) {
            new GdbLayoutFetcher(gdb, out).run(file, debugLink, r, route);
        }
        return out;
    }

    private void run(Path file, String debugLink, LayoutRequest r, FetchRoute route) {
        MiReply load = gdb.send(GdbSession.fileCommand(file));
        if (load.isError()) {
            throw new LayoutException("gdb cannot read " + file + ": " + load.errorMessage());
        }
        Matcher dbg = DEBUG_FILE.matcher(load.console());
        out.debugFile(dbg.find() ? dbg.group(1) : null);
        boolean dwarf = !load.console().contains(NO_DWARF);
        if (!dwarf) {
            out.noDebugInfo(noDwarfMessage(file, debugLink));
        }
        List<String> structs = dwarf ? r.structs() : List.of();
        if (!route.script() || !ScriptQuestions.ask(gdb, route, structs, r, out)) {
            PtypeQuestions.ask(gdb, structs, r, out);
        }
    }

    private String noDwarfMessage(Path file, String debugLink) {
        Matcher m = DEBUG_DIRS.matcher(gdb.console("show debug-file-directory"));
        String dirs = m.find() ? m.group(1) : "gdb's debug-file-directory";
        String id = out.buildId();
        StringBuilder b = new StringBuilder("no DWARF debug info for ").append(out.describe())
                .append(": gdb looked for a separate debug file in ").append(dirs);
        if (id != null && id.length() > 2) {
            b.append(" (as .build-id/").append(id, 0, 2).append('/').append(id.substring(2)).append(".debug)");
        }
        if (debugLink != null) {
            b.append(" and for ").append(debugLink).append(" next to ").append(file.getFileName()).append(" and under those");
        }
        return b.append("; install the module's debug package or pass --debug-file-directory DIR").toString();
    }
}

package maze.layout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import maze.gdb.GdbOptions;
import maze.gdb.GdbSession;
import maze.gdb.MiReply;

/**
 * Answers a {@link LayoutRequest} for one module file with ONE gdb session: the file is loaded
 * (symbols only), then all questions go out as one pipelined batch, then one batch of follow-ups.
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
    static ModuleLayouts fetch(GdbOptions options, Path file, String buildId, String debugLink, LayoutRequest r) {
        ModuleLayouts out = new ModuleLayouts(file.toString(), buildId);
        try (GdbSession gdb = GdbSession.start(options)) {
            new GdbLayoutFetcher(gdb, out).run(file, debugLink, r);
        }
        return out;
    }

    private void run(Path file, String debugLink, LayoutRequest r) {
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
        Set<String> names = new LinkedHashSet<>(r.symbols());
        names.addAll(r.tlsVariables());
        List<String> cmds = new ArrayList<>();
        structs.forEach(s -> cmds.add(ptype(hasKeyword(s) ? s : "struct " + s)));
        names.forEach(n -> cmds.add(GdbSession.consoleCommand("info address " + n)));
        List<MiReply> replies = gdb.sendAll(cmds);
        List<String> retry = readStructs(structs, replies.subList(0, structs.size()));
        retryStructs(retry);
        readSymbols(new ArrayList<>(names), replies.subList(structs.size(), replies.size()), r);
    }

    /** Stores the structs gdb printed; returns the plain names worth a second try (union, typedef). */
    private List<String> readStructs(List<String> names, List<MiReply> replies) {
        List<String> retry = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (!replies.get(i).isError()) {
                out.structs.put(n, PtypeParser.parse(n, replies.get(i).console()));
            } else if (hasKeyword(n)) {
                out.missingStructs.add(n);
            } else {
                retry.add(n);
            }
        }
        return retry;
    }

    /** "malloc_state" may be a union tag or a typedef (heap_info): the first that gdb knows wins. */
    private void retryStructs(List<String> names) {
        List<String> cmds = new ArrayList<>();
        names.forEach(n -> {
            cmds.add(ptype("union " + n));
            cmds.add(ptype(n));
        });
        List<MiReply> replies = gdb.sendAll(cmds);
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            StructLayout s = firstStruct(n, replies.get(2 * i), replies.get(2 * i + 1));
            if (s != null) {
                out.structs.put(n, s);
            } else {
                out.missingStructs.add(n);
            }
        }
    }

    private static StructLayout firstStruct(String name, MiReply... replies) {
        for (MiReply r : replies) {
            if (!r.isError()) {
                try {
                    return PtypeParser.parse(name, r.console());
                } catch (LayoutException notAStruct) {
                    // a typedef of int, a pointer: the module has no struct by that name
                }
            }
        }
        return null;
    }

    private void readSymbols(List<String> names, List<MiReply> replies, LayoutRequest r) {
        Map<String, Long> minimal = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            SymbolAnswer a = replies.get(i).isError() ? new SymbolAnswer(SymbolAnswer.Kind.OTHER, 0)
                    : SymbolAnswer.parse(replies.get(i).console());
            if (a.kind() == SymbolAnswer.Kind.MINIMAL) {
                minimal.put(names.get(i), a.value());
            }
            store(names.get(i), a, r);
        }
        resolveMinimal(minimal, r);
    }

    /**
     * Without DWARF gdb gives a thread-local symbol's TLS offset as if it were an address; taking
     * its address then fails with "thread-local storage", which tells the two apart.
     */
    private void resolveMinimal(Map<String, Long> values, LayoutRequest r) {
        List<String> names = new ArrayList<>(values.keySet());
        List<String> cmds = new ArrayList<>();
        names.forEach(n -> cmds.add(GdbSession.consoleCommand("print &" + n)));
        List<MiReply> replies = gdb.sendAll(cmds);
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            MiReply p = replies.get(i);
            if (p.isError() && p.errorMessage().contains("thread-local storage")) {
                store(n, new SymbolAnswer(SymbolAnswer.Kind.TLS, values.get(n)), r);
            }
        }
    }

    private void store(String name, SymbolAnswer a, LayoutRequest r) {
        boolean isTls = a.kind() == SymbolAnswer.Kind.TLS;
        boolean isAddress = !isTls && a.kind() != SymbolAnswer.Kind.OTHER;
        out.missingSymbols.remove(name);
        out.missingTls.remove(name);
        if (r.symbols().contains(name)) {
            put(isAddress, name, a.value(), out.symbols, out.missingSymbols);
        }
        if (r.tlsVariables().contains(name) || isTls) {
            put(isTls, name, a.value(), out.tls, out.missingTls);
        }
    }

    private static void put(boolean found, String name, long value, Map<String, Long> to, Set<String> missing) {
        if (found) {
            to.put(name, value);
        } else {
            to.remove(name);
            missing.add(name);
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

    private static String ptype(String type) {
        return GdbSession.consoleCommand("ptype /o " + type);
    }

    private static boolean hasKeyword(String name) {
        return name.startsWith("struct ") || name.startsWith("union ") || name.startsWith("class ")
                || name.startsWith("enum ");
    }
}

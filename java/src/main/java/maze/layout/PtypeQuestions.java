package maze.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import maze.gdb.GdbSession;
import maze.gdb.MiReply;

/**
 * The per-struct route: one {@code ptype /o} per struct and one {@code info address} per symbol,
 * pipelined, then one batch of follow-ups. The fallback when gdb cannot run maze.py, and the
 * reference the one-command route ({@link ScriptQuestions}) is tested against.
 */
final class PtypeQuestions {
    private final GdbSession gdb;
    private final ModuleLayouts out;

    private PtypeQuestions(GdbSession gdb, ModuleLayouts out) {
        this.gdb = gdb;
        this.out = out;
    }

    /** Answers {@code structs} (empty without DWARF) and the symbols and TLS variables of {@code r}. */
    static void ask(GdbSession gdb, List<String> structs, LayoutRequest r, ModuleLayouts out) {
        new PtypeQuestions(gdb, out).run(structs, r);
    }

    private void run(List<String> structs, LayoutRequest r) {
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
            StructLayout s = firstStruct(n, replies.get(i));
            if (s != null) {
                out.structs.put(n, s);
            } else if (hasKeyword(n)) {
                out.missingStructs.add(n);
            } else {
                retry.add(n);
            }
        }
        return retry;
    }

    /**
     * "malloc_state" may be a union tag or a type name (heap_info is a typedef): the first that gdb
     * knows wins. The cast makes gdb read NAME as a type only: a variable of that name is no answer.
     */
    private void retryStructs(List<String> names) {
        List<String> cmds = new ArrayList<>();
        names.forEach(n -> {
            cmds.add(ptype("union " + n));
            cmds.add(ptype("*(" + n + " *) 0"));
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
                    // an enum, a typedef of int, a pointer: the module has no struct by that name
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

    static void put(boolean found, String name, long value, Map<String, Long> to, Set<String> missing) {
        if (found) {
            to.put(name, value);
        } else {
            to.remove(name);
            missing.add(name);
        }
    }

    /**
     * gdb parses expressions in the language of the module's main, C when a library has none; a
     * C++ name ("ns::Span", "Box<int>", "class Base") is then no type, so those are read as C++.
     */
    private static String ptype(String type) {
        boolean cxx = type.contains("::") || type.contains("<") || type.startsWith("class ");
        return GdbSession.consoleCommand((cxx ? "with language c++ -- " : "") + "ptype /o " + type);
    }

    private static boolean hasKeyword(String name) {
        return name.startsWith("struct ") || name.startsWith("union ") || name.startsWith("class ")
                || name.startsWith("enum ");
    }
}

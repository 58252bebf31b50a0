package maze.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads gdb's {@code ptype /o} text into a {@link StructLayout}. Pure text work.
 *
 * <p>What gdb 13 prints, and how it is read: offsets of nested members are absolute (from the
 * outermost struct); union members show no offset (they sit at the union's); a bitfield shows
 * {@code byte: bit}, except directly in a union (it starts at the union's bit 0). Members of a
 * named nested struct or union become "outer.inner"; members of an anonymous one keep their own
 * names. Typedef'd and array members are not expanded by gdb (ask for their type separately).
 * Static members and holes are skipped; so are unnamed bitfields, which gdb prints as holes.
 */
public final class PtypeParser {
    private static final Pattern MEMBER = Pattern.compile(
            "^/\\*\\s*(?:(\\d+)(?::\\s*(\\d+))?\\s*\\|)?\\s*(\\d+)\\s*\\*/\\s?(.*)$");
    private static final Pattern TOTAL = Pattern.compile("^/\\*\\s*total size \\(bytes\\):\\s*(\\d+)\\s*\\*/$");
    private static final Pattern TYPE_LINE = Pattern.compile("type = (.*)$");
    private static final Pattern CLOSE = Pattern.compile("^}\\s*(.*?);$");
    private static final Pattern BITFIELD = Pattern.compile("^(.*\\S)\\s+:\\s+(\\d+)$");
    private static final Pattern PAREN_NAME = Pattern.compile("\\(\\s*[*&]+\\s*(?:const\\s+|volatile\\s+)*([A-Za-z_][\\w:]*)\\s*\\)");
    private static final Pattern LAST_NAME = Pattern.compile("([A-Za-z_]\\w*)$");

    /** A struct or union being read: absolute offset, size, and members by relative name. */
    private static final class Frame {
        final long offset;
        long size;
        final boolean union;
        final List<FieldLayout> fields = new ArrayList<>();

        Frame(long offset, long size, boolean union) {
            this.offset = offset;
            this.size = size;
            this.union = union;
        }
    }

    private final Deque<Frame> open = new ArrayDeque<>();
    private Frame done;

    private PtypeParser() {
    }

    /** Parses {@code text} as printed for {@code name}; throws LayoutException when it is not a struct. */
    public static StructLayout parse(String name, String text) {
        PtypeParser p = new PtypeParser();
        for (String raw : text.split("\n")) {
            p.line(name, raw.strip());
        }
        if (p.done == null) {
            throw new LayoutException("gdb printed no complete struct for '" + name + "': " + firstLine(text));
        }
        Map<String, FieldLayout> fields = new LinkedHashMap<>();
        for (FieldLayout f : p.done.fields) {
            fields.put(f.name(), f);
        }
        return new StructLayout(name, p.done.size, fields);
    }

    private void line(String name, String l) {
        Matcher m;
        if (open.isEmpty()) {
            startOuter(name, l);
        } else if ((m = TOTAL.matcher(l)).matches()) {
            open.peek().size = Long.parseLong(m.group(1));
        } else if (l.startsWith("/* XXX")) {
            return; // a hole or padding
        } else if ((m = MEMBER.matcher(l)).matches()) {
            member(m);
        } else if (l.equals("}")) {
            done = open.pop();
        } else if ((m = CLOSE.matcher(l)).matches()) {
            closeNested(m.group(1));
        } else if (l.startsWith("}")) {
            throw new LayoutException("'" + name + "' is not a struct or union type (gdb: ... " + l + ")");
        }
    }

    private void startOuter(String name, String l) {
        Matcher t = TYPE_LINE.matcher(l);
        if (!t.find()) {
            return;
        }
        String type = t.group(1);
        if (!type.endsWith("{")) {
            throw new LayoutException("'" + name + "' is not a struct or union (gdb: type = " + type + ")");
        }
        open.push(new Frame(0, -1, type.startsWith("union")));
    }

    private void member(Matcher m) {
        Frame parent = open.peek();
        long offset = m.group(1) != null ? Long.parseLong(m.group(1)) : parent.offset;
        long size = Long.parseLong(m.group(3));
        String decl = m.group(4).strip();
        if (decl.endsWith("{")) {
            open.push(new Frame(offset, size, decl.startsWith("union")));
            open.peek().fields.add(new FieldLayout("", offset, size)); // the aggregate itself, named on close
            return;
        }
        decl = decl.endsWith(";") ? decl.substring(0, decl.length() - 1).strip() : decl;
        Matcher bits = BITFIELD.matcher(decl);
        if (bits.matches()) {
            // a union member shows no "byte: bit"; it starts at the union's first bit
            int bitPos = m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
            parent.fields.add(new FieldLayout(declName(bits.group(1)), offset, size, bitPos,
                    Integer.parseInt(bits.group(2))));
        } else {
            parent.fields.add(new FieldLayout(declName(decl), offset, size));
        }
    }

    /** Ends a nested aggregate: its members join the parent, prefixed by its name unless anonymous. */
    private void closeNested(String closeName) {
        Frame inner = open.pop();
        Frame parent = open.peek();
        if (parent == null) {
            throw new LayoutException("unbalanced braces in gdb's ptype output");
        }
        String name = closeName.isEmpty() ? "" : declName(closeName);
        // gdb spells out an anonymous type behind an array or pointer, with wrong offsets; like any
        // array or pointer member it stays unexpanded
        boolean behind = !closeName.isEmpty() && !closeName.matches("[A-Za-z_]\\w*");
        for (FieldLayout f : inner.fields) {
            if (behind && !f.name().isEmpty()) {
                continue;
            }
            if (f.name().isEmpty()) {
                if (!name.isEmpty()) {
                    parent.fields.add(new FieldLayout(name, f.offset(), f.size()));
                }
                continue;
            }
            String full = name.isEmpty() ? f.name() : name + "." + f.name();
            parent.fields.add(new FieldLayout(full, f.offset(), f.size(), f.bitPos(), f.bitSize()));
        }
    }

    /** The member name of a C declaration: "long x[4]" -> x, "void (*cb)(int)" -> cb. */
    static String declName(String decl) {
        String d = decl.strip();
        while (d.endsWith("]")) {
            int open = d.lastIndexOf('[');
            if (open < 0) {
                break;
            }
            d = d.substring(0, open).strip();
        }
        Matcher p = PAREN_NAME.matcher(d);
        if (d.endsWith(")") && p.find()) {
            return p.group(1);
        }
        Matcher m = LAST_NAME.matcher(d);
        if (!m.find()) {
            throw new LayoutException("cannot tell the member name in gdb's declaration '" + decl + "'");
        }
        return m.group(1);
    }

    private static String firstLine(String text) {
        String s = text.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

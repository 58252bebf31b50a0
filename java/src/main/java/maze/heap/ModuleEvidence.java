package maze.heap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import maze.core.CoreFormatException;
import maze.core.ElfFile;
import maze.core.Module;
import maze.core.SectionHeader;
import maze.heap.Detection.Confidence;

/** What detectors read from a module's file on this host: exports and version strings. */
public final class ModuleEvidence {
    /** .rodata larger than this is not searched for a version string (a huge executable). */
    private static final long MAX_RODATA = 256L << 20;

    private ModuleEvidence() {
    }

    /**
     * Applies {@code question} to the module's file, or gives null when the file is not here or is
     * not a readable ELF (detection then simply does not see that module).
     */
    public static <T> T ask(Module module, Function<ElfFile, T> question) {
        if (module.localFile() == null) {
            return null;
        }
        try (ElfFile elf = ElfFile.open(module.localFile())) {
            return question.apply(elf);
        } catch (CoreFormatException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    /** The executable, here, with no program interpreter: nothing but itself was ever loaded. */
    public static boolean staticExecutable(Module module) {
        return module.executable() && Boolean.TRUE.equals(ask(module, elf -> elf.programHeaders().stream()
                .noneMatch(ph -> ph.type() == maze.core.ProgramHeader.PT_INTERP)));
    }

    /**
     * As {@link #ask}, and when the module's file gives null (stripped), the same question to its
     * separate debug file, whose .symtab is whole (its code and data sections are empty: ask it
     * about symbols, never bytes).
     */
    public static <T> T askSymbols(HeapContext ctx, Module module, Function<ElfFile, T> question) {
        T answer = ask(module, question);
        java.nio.file.Path debug = answer == null ? ctx.debugFile(module) : null;
        if (debug == null) {
            return answer;
        }
        try (ElfFile elf = ElfFile.open(debug)) {
            return question.apply(elf);
        } catch (CoreFormatException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    /**
     * Every module that exports one of {@code exports}, as a detection of {@code allocator} with the
     * version from group 1 of {@code version} in its .rodata (unknown when absent).
     */
    public static List<Detection<Void>> byExports(HeapContext ctx, String allocator, String[] exports,
                                                  Pattern version, String notWalkable) {
        List<Detection<Void>> found = new ArrayList<>();
        for (Module mod : ctx.core().modules()) {
            String evidence = ask(mod, elf -> firstExport(elf, exports));
            if (evidence != null) {
                String text = ask(mod, elf -> rodataMatch(elf, version));
                Version v = text == null ? Version.unknown("no version string") : Version.of(text, "version string");
                found.add(new Detection<>(allocator, v, mod, "exports " + evidence, Confidence.CERTAIN, notWalkable, null));
            }
        }
        return found;
    }

    /** The first of {@code names} the file exports, or null. */
    public static String firstExport(ElfFile elf, String... names) {
        for (String n : names) {
            if (elf.export(n) != null) {
                return n;
            }
        }
        return null;
    }

    /** Group 1 of the first match of {@code pattern} in the file's .rodata, or null. */
    public static String rodataMatch(ElfFile elf, Pattern pattern) {
        SectionHeader s = elf.section(".rodata");
        if (s == null || !s.hasData() || s.size() > MAX_RODATA) {
            return null;
        }
        ByteBuffer b = elf.sectionData(s);
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        Matcher m = pattern.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : null;
    }

    /** The NUL-terminated Latin-1 string at the start of {@code bytes} (all of them when no NUL). */
    public static String cString(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }
}

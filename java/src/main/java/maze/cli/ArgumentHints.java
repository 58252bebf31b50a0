package maze.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import maze.core.ElfFile;

/**
 * What a user probably meant when the command line did not parse, or named no file: gdb's order
 * (program, then core) and a PID where a core belongs are the two usual slips.
 */
final class ArgumentHints {
    private static final List<String> CORE_COMMANDS = List.of("analyze", "blocks", "info", "pack");
    private static final int ET_EXEC = 2;
    private static final int ET_DYN = 3;
    private static final int ET_CORE = 4;

    private ArgumentHints() {
    }

    /** A hint for {@code maze COMMAND args...} that did not parse, if one fits. */
    static Optional<String> of(String command, List<String> args) {
        if (!CORE_COMMANDS.contains(command)) {
            return Optional.empty();
        }
        List<String> plain = args.stream().filter(a -> !a.startsWith("-")).toList();
        int at = plain.indexOf(command);
        List<String> operands = at < 0 ? plain : plain.subList(at + 1, plain.size());
        if (operands.size() == 2 && isProgram(operands.get(0)) && type(operands.get(1)) == ET_CORE) {
            return Optional.of("the core comes first and the program goes with --exe (not gdb's order): maze "
                    + command + " " + operands.get(1) + " --exe " + operands.get(0));
        }
        return Optional.empty();
    }

    /** For an input that is no file: a number that is a running process's PID. */
    static Optional<String> forMissingFile(Throwable ex) {
        Path missing = ex instanceof java.nio.file.NoSuchFileException f && f.getFile() != null ? Path.of(f.getFile())
                : ex instanceof maze.core.CoreFormatException c ? c.missingFile() : null;
        return missing == null ? Optional.empty() : forMissingCore(missing);
    }

    private static Optional<String> forMissingCore(Path core) {
        String name = core.toString();
        if (name.matches("[0-9]{1,10}") && Files.isDirectory(Path.of("/proc", name))) {
            return Optional.of(name + " is a running process, not a core file: take its core with `maze capture --pid "
                    + name + "` (or `gcore " + name + "`), then analyze that");
        }
        return Optional.empty();
    }

    private static boolean isProgram(String path) {
        int t = type(path);
        return t == ET_EXEC || t == ET_DYN;
    }

    /** The ELF e_type of {@code path}, or -1 when it is no readable ELF file. */
    private static int type(String path) {
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            return -1;
        }
        try (ElfFile elf = ElfFile.open(p)) {
            return elf.type();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}

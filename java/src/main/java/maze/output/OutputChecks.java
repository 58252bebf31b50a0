package maze.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** What an output path may be: a new name or a regular file, never one of the run's inputs. */
final class OutputChecks {
    private OutputChecks() {
    }

    /** The path the run will replace: {@code path} in its real folder, a link to a regular file followed. */
    static Path target(Path path, String option) throws OutputException {
        Path abs = path.toAbsolutePath();
        Path name = abs.getFileName();
        if (name == null || name.toString().equals(".") || name.toString().equals("..")) {
            throw OutputException.refused(option, path, "names a folder, not a file");
        }
        Path folder;
        try {
            folder = abs.getParent().toRealPath();
        } catch (IOException e) {
            throw OutputException.failed(path.toString(), "its folder " + abs.getParent() + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw OutputException.failed(path.toString(), abs.getParent() + " is not a folder");
        }
        Path target = folder.resolve(name);
        BasicFileAttributes a = attributes(target, LinkOption.NOFOLLOW_LINKS);
        if (a != null && a.isSymbolicLink()) {
            try {
                target = target.toRealPath();
            } catch (IOException e) {
                throw OutputException.refused(option, path, "is a link to nothing");
            }
            a = attributes(target);
        }
        if (a != null && !a.isRegularFile()) {
            throw OutputException.refused(option, path, "is " + kind(a) + ", not a regular file");
        }
        return target;
    }

    /** Refuses a target that is one of {@code inputs} (any name of it) or lies inside an input folder. */
    static void refuseInputs(Path target, Path given, String option, List<Path> inputs) throws OutputException {
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        for (Path input : inputs) {
            if (input == null) {
                continue;
            }
            Path real;
            try {
                real = input.toRealPath();
            } catch (IOException e) {
                continue; // an input that is not there cannot be overwritten
            }
            if (Files.isDirectory(real) ? target.startsWith(real) : exists && same(target, real)) {
                throw OutputException.refused(option, given, Files.isDirectory(real)
                        ? "is inside " + input + ", an input of this run" : "is " + input + ", an input of this run");
            }
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static BasicFileAttributes attributes(Path p, LinkOption... options) throws OutputException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, options);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw OutputException.failed(p, "looking at it", e);
        }
    }

    private static String kind(BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "a folder";
        }
        return a.isOther() ? "a device, FIFO or socket" : "not a regular file";
    }
}

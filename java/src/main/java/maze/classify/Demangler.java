package maze.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns {@code _ZTV...} names into class names with binutils' {@code c++filt}, all names of one
 * analysis in one process (one start costs more than demangling thousands of names). Where c++filt
 * is missing or fails, names stay mangled and one warning says so: a report with mangled names
 * beats no report.
 */
public final class Demangler {
    private static final String VTABLE_FOR = "vtable for ";
    private static final long TIMEOUT_SECONDS = 60;

    private final List<String> command;

    public Demangler() {
        this(List.of("c++filt"));
    }

    /** {@code command} is the c++filt to run (tests point it at something missing or odd). */
    public Demangler(List<String> command) {
        this.command = List.copyOf(command);
    }

    /**
     * Class names for {@code mangled} vtable names, in the same order: "vtable for " stripped; a
     * name c++filt cannot demangle stays as it came.
     */
    public List<String> demangleVtables(List<String> mangled, Consumer<String> warn) {
        if (mangled.isEmpty()) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = runFilter(mangled);
        } catch (IOException | UncheckedIOException e) {
            warn.accept("C++ class names are shown mangled: " + String.join(" ", command)
                    + " did not run (" + e.getMessage() + "); install binutils");
            return List.copyOf(mangled);
        }
        return strip(mangled, lines, warn);
    }

    /**
     * Plain names for {@code mangled} symbol names ("_ZN8registry6sharedE" to "registry::shared"), in the
     * same order; where c++filt does not run every name stays as it came (the names only label output).
     */
    public List<String> demangle(List<String> mangled) {
        if (mangled.isEmpty()) {
            return List.of();
        }
        try {
            return runFilter(mangled);
        } catch (IOException | UncheckedIOException e) {
            return List.copyOf(mangled);
        }
    }

    private static List<String> strip(List<String> mangled, List<String> lines, Consumer<String> warn) {
        List<String> out = new ArrayList<>(mangled.size());
        int kept = 0;
        for (int i = 0; i < mangled.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(VTABLE_FOR) && line.length() > VTABLE_FOR.length()) {
                out.add(line.substring(VTABLE_FOR.length()));
            } else {
                out.add(mangled.get(i));
                kept++;
            }
        }
        if (kept > 0) {
            warn.accept(kept + " vtable names could not be demangled and are shown mangled");
        }
        return out;
    }

    private List<String> runFilter(List<String> mangled) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // A separate writer: c++filt answers line by line, so writing everything before reading
        // would deadlock once both pipe buffers are full.
        Thread writer = new Thread(() -> feed(p.getOutputStream(), mangled), "c++filt-input");
        writer.setDaemon(true);
        writer.start();
        List<String> lines = new ArrayList<>(mangled.size());
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        }
        awaitExit(p);
        if (lines.size() != mangled.size()) {
            throw new IOException("it answered " + lines.size() + " lines for " + mangled.size() + " names");
        }
        return lines;
    }

    private static void feed(OutputStream stdin, List<String> mangled) {
        try (OutputStream out = stdin) {
            StringBuilder sb = new StringBuilder();
            for (String name : mangled) {
                // one name a line: a name with a line break would shift every later answer
                sb.append(name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0 ? "_" : name).append('\n');
            }
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the reader sees the short answer and reports it
        }
    }

    private static void awaitExit(Process p) throws IOException {
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (p.exitValue() != 0) {
            throw new IOException("exit code " + p.exitValue());
        }
    }
}

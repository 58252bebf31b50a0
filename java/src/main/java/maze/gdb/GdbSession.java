package maze.gdb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import maze.gdb.mi.MiAsyncRecord;
import maze.gdb.mi.MiCString;

/**
 * One gdb process spoken to over GDB/MI. Commands go out with a numeric token and each reply is
 * matched by its token. It never runs the analyzed program: auto-load is off, and callers send
 * only inspection commands (no run, no calls).
 *
 * <pre>
 * try (GdbSession gdb = GdbSession.start(GdbOptions.defaults())) {
 *     gdb.loadFile(lib);
 *     String text = gdb.console("ptype /o struct malloc_state");
 * }
 * </pre>
 */
public final class GdbSession implements AutoCloseable {
    private static final AtomicLong STARTS = new AtomicLong();

    private final Process process;
    private final OutputStream in;
    private final ReplyRouter router;
    private final TailBuffer stderr;
    private final Thread stderrReader;
    private final GdbOptions options;
    private final AtomicLong nextToken = new AtomicLong(1);

    private GdbSession(Process process, GdbOptions options) {
        this.process = process;
        this.options = options;
        this.in = process.getOutputStream();
        this.stderr = new TailBuffer(process.getErrorStream());
        BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1));
        this.router = new ReplyRouter(out, this::ended);
        this.stderrReader = daemon(stderr, "gdb-stderr");
        daemon(router, "gdb-mi");
    }

    /** Starts gdb; a missing gdb is a {@link GdbException} that says so. */
    public static GdbSession start(GdbOptions options) {
        ProcessBuilder pb = new ProcessBuilder(GdbCommandLine.of(options));
        // gdb's messages are parsed in English
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().remove("DEBUGINFOD_URLS");
        try {
            Process p = pb.start();
            STARTS.incrementAndGet();
            return new GdbSession(p, options);
        } catch (IOException e) {
            throw new GdbException("cannot start gdb (`" + options.gdb() + "`): " + e.getMessage()
                    + "; install gdb or point MAZE_GDB at it", e);
        }
    }

    /** How many gdb processes this JVM has started (lets tests prove a warm cache starts none). */
    public static long starts() {
        return STARTS.get();
    }

    /** Sends one MI command (without token) and waits for its reply, ^error included. */
    public MiReply send(String miCommand) {
        return sendAll(List.of(miCommand)).get(0);
    }

    /** Sends all commands at once (gdb queues them) and waits for every reply, in order. */
    public List<MiReply> sendAll(List<String> miCommands) {
        List<CompletableFuture<MiReply>> replies = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        for (String c : miCommands) {
            long token = nextToken.getAndIncrement();
            replies.add(router.expect(token, c));
            batch.append(token).append(c).append('\n');
        }
        write(batch.toString());
        List<MiReply> out = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            out.add(await(replies.get(i), miCommands.get(i)));
        }
        return out;
    }

    /** Runs a CLI command through MI; its console output, or a GdbCommandException. */
    public String console(String cliCommand) {
        return send(consoleCommand(cliCommand)).orThrow().console();
    }

    /** The MI form of a CLI command, for {@link #sendAll}. */
    public static String consoleCommand(String cliCommand) {
        return "-interpreter-exec console " + MiCString.quote(cliCommand);
    }

    /** Loads an executable or library (symbols only; nothing runs). */
    public MiReply loadFile(Path file) {
        return send(fileCommand(file)).orThrow();
    }

    /** The MI command that loads {@code file}; gdb splits its argument like a shell, so escape. */
    public static String fileCommand(Path file) {
        String arg = file.toAbsolutePath().toString().replaceAll("([\\\\\\s'\"])", "\\\\$1");
        return consoleCommand("file " + arg);
    }

    /**
     * Opens a core file for the loaded executable. core-file takes the rest of the line as the
     * name (MI's -target-select would keep quotes as part of it).
     */
    public MiReply loadCore(Path core) {
        return send(consoleCommand("core-file " + core.toAbsolutePath())).orThrow();
    }

    public List<MiAsyncRecord> asyncRecords() {
        return router.asyncRecords();
    }

    /** What gdb wrote on stderr so far (its last 8 KB). */
    public String stderr() {
        return stderr.text();
    }

    public GdbOptions options() {
        return options;
    }

    /** Asks gdb to exit, then kills it if it does not within a few seconds. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                long token = nextToken.getAndIncrement();
                router.expect(token, "-gdb-exit");
                write(token + "-gdb-exit\n");
                in.close();
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (GdbException | IOException e) {
                // it is going away either way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process.destroyForcibly();
    }

    private MiReply await(CompletableFuture<MiReply> reply, String command) {
        long limit = options.commandTimeout().toMillis();
        try {
            return reply.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new GdbException("gdb gave no answer to `" + command + "` within "
                    + options.commandTimeout().toSeconds() + " s; it was killed" + stderrNote());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof GdbException g ? g : new GdbException(e.getCause().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new GdbException("interrupted while waiting for gdb", e);
        }
    }

    private void write(String text) {
        try {
            in.write(text.getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            // the reader sees the end too and fails the waiting commands with gdb's stderr
            ended();
        }
    }

    /** gdb's stdout ended: fail what still waits, with gdb's exit status and stderr. */
    private void ended() {
        String status;
        try {
            stderrReader.join(1000); // its last words explain the end
            status = process.waitFor(2, TimeUnit.SECONDS) ? "exited with status " + process.exitValue() : "stopped answering";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "stopped answering";
        }
        router.failAll(new GdbException("gdb " + status + stderrNote()));
    }

    private String stderrNote() {
        String err = stderr.text();
        return err.isEmpty() ? "" : "; gdb said: " + err;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}

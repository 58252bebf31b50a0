package maze.robust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import maze.cli.Main;

/**
 * {@code maze blocks CORE -o FILE} in-process on its own thread under a time limit, with its
 * stderr kept: a hang must show as a failure, not stall the build. A thread that overran is left
 * behind as a daemon (Java cannot stop it); the failure names the mutation.
 */
final class GuardedRun {
    private static final Pattern ROW = Pattern.compile("\"address\":\"0x([0-9a-f]+)\",\"size\":(\\d+)");

    /** How one run ended: an exit code, or a Throwable that escaped Main.run, or a timeout. */
    record Outcome(int exit, String stderr, Throwable escaped, boolean timedOut) {
    }

    private GuardedRun() {
    }

    static Outcome blocks(Path core, Path listing, Duration limit) throws InterruptedException {
        Thread[] worker = new Thread[1];
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            worker[0] = new Thread(r, "guarded-maze");
            worker[0].setDaemon(true);
            return worker[0];
        });
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Future<Integer> f = ex.submit(() -> Main.run("blocks", core.toString(), "-o", listing.toString()));
            try {
                return new Outcome(f.get(limit.toMillis(), TimeUnit.MILLISECONDS), text(err), null, false);
            } catch (TimeoutException e) {
                String where = where(worker[0]); // where it hangs tells what to bound
                f.cancel(true);
                return new Outcome(-1, where, null, true);
            } catch (java.util.concurrent.ExecutionException e) {
                return new Outcome(-1, text(err), e.getCause(), false);
            }
        } finally {
            System.setErr(saved);
            ex.shutdownNow();
        }
    }

    private static String where(Thread t) {
        StringBuilder b = new StringBuilder();
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < Math.min(st.length, 14); i++) {
            b.append("\n\tat ").append(st[i]);
        }
        return b.toString();
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    /** The listing's rows as {addresses, sizes}; null with {@code why[0]} set when out of order or overlapping. */
    static long[][] rows(Path listing, String[] why) throws IOException {
        List<String> lines = Files.exists(listing) ? Files.readAllLines(listing) : List.of();
        long[] a = new long[lines.size()];
        long[] s = new long[lines.size()];
        int n = 0;
        for (String line : lines) {
            Matcher m = ROW.matcher(line);
            if (!m.find()) {
                why[0] = "unreadable row: " + line;
                return null;
            }
            a[n] = Long.parseUnsignedLong(m.group(1), 16);
            s[n] = Long.parseLong(m.group(2));
            if (n > 0 && (Long.compareUnsigned(a[n], a[n - 1]) <= 0 || Long.compareUnsigned(a[n - 1] + s[n - 1], a[n]) > 0)) {
                why[0] = String.format("row %d at 0x%x (size %d) overlaps or precedes row %d at 0x%x",
                        n, a[n], s[n], n - 1, a[n - 1]);
                return null;
            }
            n++;
        }
        return new long[][] {a, s};
    }
}

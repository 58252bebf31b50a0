package maze.gdb;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import maze.gdb.mi.MiAsyncRecord;
import maze.gdb.mi.MiParseException;
import maze.gdb.mi.MiParser;
import maze.gdb.mi.MiRecord;
import maze.gdb.mi.MiResultRecord;
import maze.gdb.mi.MiStreamRecord;

/**
 * Reads gdb's stdout and hands each tokened reply to the command that waits for it. gdb runs
 * commands one after another, so the stream text printed since the previous reply belongs to
 * the next one.
 */
final class ReplyRouter implements Runnable {
    private final BufferedReader out;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final List<MiAsyncRecord> async = new ArrayList<>();
    private final StringBuilder console = new StringBuilder();
    private final StringBuilder log = new StringBuilder();
    private final Runnable onEnd;
    private volatile GdbException end;

    record Pending(String command, CompletableFuture<MiReply> reply) {
    }

    ReplyRouter(BufferedReader out, Runnable onEnd) {
        this.out = out;
        this.onEnd = onEnd;
    }

    CompletableFuture<MiReply> expect(long token, String command) {
        CompletableFuture<MiReply> f = new CompletableFuture<>();
        pending.put(token, new Pending(command, f));
        GdbException gone = end;
        if (gone != null) {
            failAll(gone); // gdb ended before this command was registered: nobody would answer
        }
        return f;
    }

    List<MiAsyncRecord> asyncRecords() {
        synchronized (async) {
            return List.copyOf(async);
        }
    }

    @Override
    public void run() {
        try {
            for (String line; (line = out.readLine()) != null; ) {
                route(line);
            }
        } catch (IOException e) {
            // gdb's pipe broke: same as its end
        } finally {
            onEnd.run();
        }
    }

    private void route(String line) {
        MiRecord r;
        try {
            r = MiParser.parse(line);
        } catch (MiParseException e) {
            log.append(line).append('\n'); // not MI (e.g. a message gdb wrote raw): keep it for errors
            return;
        }
        if (r instanceof MiStreamRecord s) {
            (s.kind() == MiStreamRecord.Kind.LOG ? log : console).append(s.text());
        } else if (r instanceof MiAsyncRecord a) {
            synchronized (async) {
                async.add(a);
            }
        } else if (r instanceof MiResultRecord rr) {
            complete(rr);
        }
    }

    private void complete(MiResultRecord rr) {
        Pending p = rr.token().isPresent() ? pending.remove(rr.token().getAsLong()) : null;
        if (p != null) {
            p.reply().complete(new MiReply(p.command(), rr, console.toString(), log.toString()));
        }
        console.setLength(0);
        log.setLength(0);
    }

    /** gdb is gone: every command still waiting fails with {@code why}. */
    void failAll(GdbException why) {
        end = why;
        for (Long t : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(t);
            if (p != null) {
                p.reply().completeExceptionally(why);
            }
        }
    }
}

package maze.gdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the last few KB of a stream (gdb's stderr), read on its own thread so gdb never blocks. */
final class TailBuffer implements Runnable {
    private static final int KEEP = 8192;
    private final InputStream in;
    private final StringBuilder text = new StringBuilder();

    TailBuffer(InputStream in) {
        this.in = in;
    }

    @Override
    public void run() {
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (text) {
                    text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (text.length() > KEEP) {
                        text.delete(0, text.length() - KEEP);
                    }
                }
            }
        } catch (IOException e) {
            // stream closed with the process
        }
    }

    String text() {
        synchronized (text) {
            return text.toString().strip();
        }
    }
}

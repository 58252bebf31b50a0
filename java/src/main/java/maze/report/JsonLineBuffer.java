package maze.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A byte buffer with the few JSON pieces a block line needs, written digit by digit: no String,
 * no formatter, no allocation per line (a listing can have a hundred million lines).
 */
final class JsonLineBuffer {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private byte[] buf = new byte[1 << 16];
    private int pos;

    JsonLineBuffer(OutputStream out) {
        this.out = out;
    }

    /** Makes room for {@code n} more bytes, flushing (or growing, for one huge line) as needed. */
    void reserve(int n) {
        if (pos + n > buf.length) {
            flushBuffer();
            if (n > buf.length) {
                buf = new byte[Math.max(n, 2 * buf.length)];
            }
        }
    }

    void raw(byte[] bytes) {
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /** Lowercase hex without leading zeros; reserve 16 bytes first. */
    void hex(long v) {
        int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(v)) / 4);
        for (int i = digits - 1; i >= 0; i--) {
            buf[pos + i] = HEX[(int) (v & 15)];
            v >>>= 4;
        }
        pos += digits;
    }

    /** A non-negative decimal; reserve 19 bytes first. */
    void decimal(long v) {
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        for (int i = digits - 1; i >= 0; i--) {
            buf[pos + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos += digits;
    }

    void flushBuffer() {
        try {
            out.write(buf, 0, pos);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the block listing", e);
        }
        pos = 0;
    }

    void flush() {
        flushBuffer();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the block listing", e);
        }
    }

    /** The UTF-8 bytes of {@code s} as the inside of a JSON string (quotes not included). */
    static byte[] escaped(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}

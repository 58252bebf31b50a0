package maze.jemalloc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The smallest redis client a test needs: pipelined commands in RESP, replies read and discarded or read as text. */
final class RespClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private int pending;

    RespClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    /** Queues one command; its reply is read by {@link #drain}. */
    void send(String... args) throws IOException {
        out.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            out.write(("$" + b.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        pending++;
    }

    /** Reads the replies of every queued command, failing on an error reply. */
    void drain() throws IOException {
        out.flush();
        for (; pending > 0; pending--) {
            String line = line();
            if (line.startsWith("-")) {
                throw new IOException("redis replied " + line);
            }
        }
    }

    /** One command whose reply is a bulk string (INFO). */
    String bulk(String... args) throws IOException {
        drain();
        send(args);
        out.flush();
        pending--;
        String head = line();
        if (!head.startsWith("$")) {
            throw new IOException("redis replied " + head);
        }
        byte[] body = in.readNBytes(Integer.parseInt(head.substring(1)) + 2);
        return new String(body, StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("redis closed the connection");
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.UTF_8).trim();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

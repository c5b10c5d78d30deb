package cz.mluv.benchmarks.endpoint;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection of a load client: a blocking socket that writes a GET and
 * reads the whole response (Content-Length or chunked body) on the calling thread, as wrk or
 * ab do. A load client has no thread hops of its own, so the latency it records is the
 * server's plus the loopback, not an HTTP client library's scheduling.
 */
public final class HttpConnection implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /**
     * @param baseUrl e.g. {@code http://127.0.0.1:8080}
     * @throws IOException when the server cannot be reached
     */
    public HttpConnection(String baseUrl) throws IOException {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(600_000);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        out = socket.getOutputStream();
    }

    /**
     * Sends {@code GET pathAndQuery} and reads the whole answer.
     *
     * @param pathAndQuery e.g. {@code /api/v1/leaderboard?limit=10} (ASCII, already URL-encoded)
     * @return the status code and body size
     * @throws IOException when the connection fails or the answer is not HTTP/1.1
     */
    public Response get(String pathAndQuery) throws IOException {
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = line();
        if (!status.startsWith("HTTP/1.") || status.length() < 12) {
            throw new IOException("not an HTTP response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        long body;
        if (chunked) {
            body = chunkedBody();
        } else if (length >= 0) {
            skip(length);
            body = length;
        } else {
            throw new IOException("response without length on a keep-alive connection");
        }
        if (close) {
            close();
            connect();
        }
        return new Response(code, body);
    }

    /**
     * @param status HTTP status code
     * @param bytes  body size, bytes
     */
    public record Response(int status, long bytes) {
    }

    private long chunkedBody() throws IOException {
        long total = 0;
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            long n = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return total;
            }
            skip(n);
            total += n;
            line();
        }
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-body");
                }
                s = 1;
            }
            left -= s;
        }
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = b.length();
                return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
            }
            b.append((char) c);
        }
        throw new IOException("connection closed by the server");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

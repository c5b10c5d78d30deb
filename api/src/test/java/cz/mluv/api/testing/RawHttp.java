package cz.mluv.api.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A GET over a plain socket, with the request target sent byte for byte as given: unlike
 * {@code java.net.http.HttpClient} it sends malformed percent-encodings ({@code %zz}, a lone
 * {@code %}) and encoded bytes that are not UTF-8, which is what the fuzzing needs. One
 * connection per request ({@code Connection: close}), 10 s read timeout.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * An answer.
     *
     * @param status    the HTTP status
     * @param headers   header names in lower case to values
     * @param body      the body as UTF-8
     * @param elapsedMs time from connect to the end of the body, ms
     */
    public record Reply(int status, Map<String, String> headers, String body, long elapsedMs) {
        /** @return the content type, empty when absent */
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /**
     * @param server the server's base URL
     * @param target the request target, e.g. {@code /api/v1/messages/search?q=%00}
     * @return the answer
     * @throws IOException when the connection fails
     */
    public static Reply get(URL server, String target) throws IOException {
        return get(server, target, null);
    }

    /**
     * @param server     the server's base URL
     * @param target     the request target
     * @param basicAuth  {@code user:password} for HTTP Basic, or {@code null}
     * @return the answer
     * @throws IOException when the connection fails
     */
    public static Reply get(URL server, String target, String basicAuth) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: ")
                    .append(server.getHost()).append(':').append(server.getPort()).append("\r\nConnection: close\r\n");
            if (basicAuth != null) {
                request.append("Authorization: Basic ")
                        .append(Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8))).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] raw = readAll(socket.getInputStream());
            return parse(raw, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toByteArray();
    }

    private static Reply parse(byte[] raw, long elapsedMs) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8), elapsedMs);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < body.length) {
            int lineEnd = pos;
            while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(body, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}

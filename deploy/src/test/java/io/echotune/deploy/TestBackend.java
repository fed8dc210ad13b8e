package io.echotune.deploy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for one EchoTune instance behind nginx, speaking plain HTTP/1.1 on a loopback socket: it answers
 * each request with its own name and records the headers nginx forwarded, and completes WebSocket upgrades on
 * any path, echoing text frames back prefixed with its name. Raw sockets, so nothing hides what nginx sent.
 */
final class TestBackend implements AutoCloseable {

    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    final String name;
    /** Request line and lower-cased headers of every request received, in order. */
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final ServerSocket server;

    TestBackend(String name) throws IOException {
        this.name = name;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("backend-" + name).start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream()); OutputStream out = socket.getOutputStream()) {
            while (true) {
                Map<String, String> request = readHead(in);
                if (request == null) return;
                requests.add(request);
                if ("websocket".equalsIgnoreCase(request.get("upgrade"))) {
                    upgrade(request, in, out);
                    return;
                }
                in.readNBytes(Integer.parseInt(request.getOrDefault("content-length", "0")));
                byte[] body = (name + "\n").getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the connection went away: nothing to answer
        }
    }

    private void upgrade(Map<String, String> request, InputStream in, OutputStream out) throws IOException {
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                + accept(request.get("sec-websocket-key")) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        while (true) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) return;
            int opcode = b0 & 0x0F;
            long length = b1 & 0x7F;
            if (length == 126) length = (in.read() << 8) | in.read();
            else if (length == 127) length = new java.math.BigInteger(1, in.readNBytes(8)).longValueExact();
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
            byte[] payload = in.readNBytes((int) length);
            for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
            if (opcode == 0x8) {
                out.write(new byte[]{(byte) 0x88, 0});
                out.flush();
                return;
            }
            if (opcode == 0x1) {
                writeText(out, name + ": " + new String(payload, StandardCharsets.UTF_8));
            }
        }
    }

    private static void writeText(OutputStream out, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        if (data.length >= 126) throw new IOException("test frames are short");
        out.write(0x81);
        out.write(data.length);
        out.write(data);
        out.flush();
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request line (under key ":request") and headers, or null at the end of the connection. */
    private static Map<String, String> readHead(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) return null;
        Map<String, String> head = new TreeMap<>();
        head.put(":request", requestLine);
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            head.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return head;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
            if (b != '\r') line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

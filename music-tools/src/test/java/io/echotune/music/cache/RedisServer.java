package io.echotune.music.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server (Debian's package; .ci/run installs it) on a free loopback port that a test can stop and start again on the
 * same port, as an outage and its end look to the clients. No persistence: a restarted Redis is empty. Shared with
 * web-chat's tests through the music-tools test-jar.
 */
public final class RedisServer implements AutoCloseable {

    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;

    public RedisServer(Path dir) throws IOException, InterruptedException {
        this.binary = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server").stream()
                .map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("redis-server is not installed; the Redis tests need it "
                        + "(Debian: apt-get install redis-server; .ci/run does this)"));
        this.dir = dir;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        start();
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!"+PONG".equals(ping())) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new AssertionError("redis-server did not start: " + Files.readString(dir.resolve("redis.log")));
            }
            Thread.sleep(50);
        }
    }

    /** Kills the server (no goodbye to the clients, as in a crash) and waits until the port is closed. */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** PING in Redis's wire protocol; the reply line, or null while it does not answer. */
    public String ping() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\r'; b = in.read()) line.append((char) b);
            return line.toString();
        } catch (IOException notUp) {
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}

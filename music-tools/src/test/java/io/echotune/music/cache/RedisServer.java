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

/** A real redis-server (Debian's package; .ci/run installs it) on a free loopback port, without persistence. */
public final class RedisServer implements AutoCloseable {

    private final Process process;
    private final int port;

    public RedisServer(Path workDir) throws IOException, InterruptedException {
        Path binary = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server").stream()
                .map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("redis-server is not installed; the cache tests need it "
                        + "(Debian: apt-get install redis-server; .ci/run does this)"));
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", workDir.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!"+PONG".equals(ping())) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new AssertionError("redis-server did not start: " + Files.readString(workDir.resolve("redis.log")));
            }
            Thread.sleep(20);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    private String ping() {
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
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}

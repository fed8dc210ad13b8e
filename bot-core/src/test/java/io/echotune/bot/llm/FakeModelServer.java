package io.echotune.bot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A language-model server on 127.0.0.1 that answers each request with the next scripted response and keeps
 * what it was sent. It speaks whatever JSON the script holds: OpenAI chat completions (plain or as SSE
 * chunks) or Gemini's generateContent. An unscripted request gets a 400, which no planner retries.
 */
final class FakeModelServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    record Scripted(int status, String contentType, List<String> chunks, Duration delay) {
    }

    record Received(String method, String path, String query, String authorization, String googApiKey, JsonNode body) {
    }

    private final HttpServer server;
    private final BlockingQueue<Scripted> script = new LinkedBlockingQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeModelServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    FakeModelServer json(String body) {
        return then(new Scripted(200, "application/json", List.of(body), Duration.ZERO));
    }

    FakeModelServer status(int status) {
        return then(new Scripted(status, "application/json",
                List.of("{\"error\":{\"message\":\"scripted " + status + "\",\"type\":\"server_error\"}}"), Duration.ZERO));
    }

    FakeModelServer slow(Duration delay, String body) {
        return then(new Scripted(200, "application/json", List.of(body), delay));
    }

    /** Server-sent events, one {@code data:} line per chunk, then OpenAI's {@code [DONE]}. */
    FakeModelServer sse(List<String> events) {
        return then(new Scripted(200, "text/event-stream", java.util.stream.Stream.concat(events.stream(),
                java.util.stream.Stream.of("[DONE]")).toList(), Duration.ZERO));
    }

    /** Server-sent events without a closing marker, as Gemini streams. */
    FakeModelServer sseWithoutDone(List<String> events) {
        return then(new Scripted(200, "text/event-stream", events, Duration.ZERO));
    }

    /** Newline-delimited JSON, one object per line, as Ollama streams. */
    FakeModelServer ndjson(List<String> lines) {
        return then(new Scripted(200, "application/x-ndjson", lines, Duration.ZERO));
    }

    FakeModelServer then(Scripted response) {
        script.add(response);
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    int pending() {
        return script.size();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? JSON.nullNode() : JSON.readTree(raw);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("x-goog-api-key"), body));
            Scripted next = script.poll();
            if (next == null) {
                send(exchange, 400, "application/json", "{\"error\":{\"message\":\"no scripted response left\"}}");
                return;
            }
            if (!next.delay().isZero()) {
                Thread.sleep(next.delay());
            }
            if (next.contentType().equals("application/x-ndjson")) {
                exchange.getResponseHeaders().add("Content-Type", next.contentType());
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (String line : next.chunks()) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } else if (next.contentType().equals("text/event-stream")) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (String event : next.chunks()) {
                    out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } else {
                send(exchange, next.status(), next.contentType(), next.chunks().getFirst());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

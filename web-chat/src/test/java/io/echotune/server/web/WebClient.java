package io.echotune.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A web chat client as a browser would be one, minus the browser: gets a visitor token, calls the web API with it and
 * talks on the chat WebSocket (the JDK's own HTTP and WebSocket clients).
 */
public final class WebClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String token;

    public WebClient(int port) {
        this(port, null);
    }

    private WebClient(int port, String token) {
        this.port = port;
        this.token = token != null ? token : issueToken(port);
    }

    public String token() {
        return token;
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, JsonNode json, String body) {
    }

    private static String issueToken(int port) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/web/visitors"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new AssertionError("POST /api/web/visitors answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body()).get("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response getAnonymously(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
    }

    public Response getFrom(String origin, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Origin", origin).GET().build());
    }

    public Response post(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !r.body().isEmpty() ? JSON.readTree(r.body()) : null;
            return new Response(r.statusCode(), r.headers().map(), json, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the chat WebSocket, optionally claiming to come from {@code origin} as a browser would. */
    public Socket connect(String origin) {
        Socket socket = new Socket();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        socket.ws = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat"), socket).join();
        return socket;
    }

    public Socket connect() {
        return connect(null);
    }

    /** One chat connection; every frame it receives is queued for the test to take in order. */
    public static final class Socket implements WebSocket.Listener, AutoCloseable {

        private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket ws;

        public void send(Map<String, ?> message) {
            try {
                sendRaw(JSON.writeValueAsString(message));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void sendRaw(String text) {
            ws.sendText(text, true).join();
        }

        /** The next frame received, whatever it is. */
        public JsonNode next() {
            try {
                JsonNode message = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                if (message == null) {
                    throw new AssertionError("nothing received on the WebSocket within " + WAIT);
                }
                return message;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The next frame, which must be of this type. */
        public JsonNode expect(String type) {
            JsonNode message = next();
            if (!type.equals(message.path("type").asText())) {
                throw new AssertionError("expected a '" + type + "' frame but got " + message);
            }
            return message;
        }

        public int closeCode() {
            return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        @Override
        public void close() {
            if (!ws.isOutputClosed() && !closed.isDone()) {
                try {
                    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
                } catch (CompletionException alreadyClosedByServer) {
                    // nothing left to close
                }
            }
        }
    }
}

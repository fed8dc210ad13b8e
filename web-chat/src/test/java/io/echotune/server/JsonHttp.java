package io.echotune.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A plain HTTP client for the tests, talking to the running server as any outside client would. */
public final class JsonHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public JsonHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, String contentType, JsonNode json, String body) {
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public Response post(String path, Object body) {
        try {
            return postRaw(path, "application/json", JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response postRaw(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** One chat turn; {@code sessionId} may be null to start a conversation. */
    public JsonNode chat(String sessionId, String message) {
        Map<String, String> body = sessionId == null ? Map.of("message", message) : Map.of("sessionId", sessionId, "message", message);
        Response r = post("/api/chat", body);
        if (r.status() != 200) {
            throw new AssertionError("chat turn '" + message + "' answered " + r.status() + ": " + r.body());
        }
        return r.json();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
            return new Response(response.statusCode(), type, json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

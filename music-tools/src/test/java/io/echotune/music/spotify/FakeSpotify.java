package io.echotune.music.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Spotify on 127.0.0.1: the accounts service ({@code /authorize}, {@code /api/token} for PKCE codes,
 * refresh and client credentials) and the parts of the Web API EchoTune uses, answering in Spotify's JSON. It checks
 * what the real one checks (client id, redirect URI, PKCE code verifier, bearer tokens) and can be told to fail
 * the next requests to a path (429 with Retry-After, 5xx, 401) to exercise retries.
 */
public final class FakeSpotify implements AutoCloseable {

    public static final String CLIENT_ID = "fake-client-id";
    public static final String CLIENT_SECRET = "fake-client-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the fake saw it. */
    public record Seen(String method, String path, String query, String body) {
    }

    private record Failure(String pathPrefix, int status, String retryAfter) {
    }

    private record Grant(String challenge, String redirectUri, String scope) {
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Deque<Failure> failures = new ConcurrentLinkedDeque<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Set<String> userTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> appTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> playlists = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    /** What the Spotify user has listened to; tests change these between imports. */
    public final List<ObjectNode> topTracks = new CopyOnWriteArrayList<>();
    public final List<ObjectNode> topArtists = new CopyOnWriteArrayList<>();
    public final List<ObjectNode> recentlyPlayed = new CopyOnWriteArrayList<>();
    public final List<ObjectNode> searchResults = new CopyOnWriteArrayList<>();
    public volatile int tokenLifetimeSeconds = 3600;

    public FakeSpotify() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public long count(String method, String pathPrefix) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().startsWith(pathPrefix)).count();
    }

    public void clearSeen() {
        seen.clear();
    }

    /** The next {@code times} requests whose path starts with the prefix answer this status. */
    public void failNext(String pathPrefix, int status, int times) {
        for (int i = 0; i < times; i++) failures.add(new Failure(pathPrefix, status, null));
    }

    public void rateLimitNext(String pathPrefix, int retryAfterSeconds) {
        failures.add(new Failure(pathPrefix, 429, String.valueOf(retryAfterSeconds)));
    }

    /** Every access token issued so far stops working (as if revoked or expired early): the next call gets 401. */
    public void expireAccessTokens() {
        userTokens.clear();
        appTokens.clear();
    }

    /** The refresh tokens stop working, as when the person removes the app's access in their Spotify account. */
    public void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    public Map<String, ObjectNode> playlists() {
        return Collections.unmodifiableMap(playlists);
    }

    /** A track in Spotify's JSON shape (no popularity: development-mode apps no longer get it). */
    public static ObjectNode track(String id, String name, String artist, String album, String releaseDate) {
        ObjectNode t = JSON.createObjectNode();
        t.put("id", id).put("name", name).put("type", "track").put("uri", "spotify:track:" + id).put("duration_ms", 201_000)
                .put("explicit", false).put("href", "https://api.spotify.com/v1/tracks/" + id);
        t.putArray("artists").addObject().put("id", "artist-" + artist.hashCode()).put("name", artist).put("type", "artist");
        ObjectNode a = t.putObject("album");
        a.put("id", "album-" + album.hashCode()).put("name", album).put("release_date", releaseDate)
                .put("release_date_precision", "day").put("type", "album");
        return t;
    }

    /** An artist in Spotify's JSON shape (no genres or popularity any more). */
    public static ObjectNode artist(String id, String name) {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", id).put("name", name).put("type", "artist").put("uri", "spotify:artist:" + id);
        return a;
    }

    public static ObjectNode play(ObjectNode track, Instant playedAt) {
        ObjectNode p = JSON.createObjectNode();
        p.set("track", track);
        p.put("played_at", playedAt.toString());
        p.putNull("context");
        return p;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(method, path, query, body));
            Failure failure = takeFailure(path);
            if (failure != null) {
                if (failure.retryAfter() != null) exchange.getResponseHeaders().add("Retry-After", failure.retryAfter());
                error(exchange, failure.status(), failure.status() == 429 ? "API rate limit exceeded" : "Service unavailable");
                return;
            }
            if (path.equals("/authorize") && method.equals("GET")) {
                authorize(exchange, params(query));
            } else if (path.equals("/api/token") && method.equals("POST")) {
                token(exchange, params(body));
            } else if (path.startsWith("/v1/")) {
                api(exchange, method, path, params(query), body);
            } else {
                error(exchange, 404, "Service not found");
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "fake failed: " + e);
        }
    }

    private Failure takeFailure(String path) {
        for (Failure f : failures) {
            if (path.startsWith(f.pathPrefix()) && failures.remove(f)) return f;
        }
        return null;
    }

    /** The consent page, already agreed to: redirects back with a code bound to the PKCE challenge. */
    private void authorize(HttpExchange exchange, Map<String, String> p) throws IOException {
        if (!CLIENT_ID.equals(p.get("client_id")) || !"code".equals(p.get("response_type"))
                || !"S256".equals(p.get("code_challenge_method")) || p.get("code_challenge") == null || p.get("redirect_uri") == null) {
            error(exchange, 400, "INVALID_CLIENT: Invalid authorize request");
            return;
        }
        String code = "code-" + counter.incrementAndGet();
        codes.put(code, new Grant(p.get("code_challenge"), p.get("redirect_uri"), p.getOrDefault("scope", "")));
        String location = p.get("redirect_uri") + "?code=" + code + "&state=" + enc(p.getOrDefault("state", ""));
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }

    private void token(HttpExchange exchange, Map<String, String> p) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        switch (p.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                Grant grant = codes.remove(p.getOrDefault("code", ""));
                if (grant == null || !CLIENT_ID.equals(p.get("client_id")) || !grant.redirectUri().equals(p.get("redirect_uri"))
                        || !grant.challenge().equals(challenge(p.getOrDefault("code_verifier", "")))) {
                    oauthError(exchange, "invalid_grant", "Invalid authorization code");
                    return;
                }
                out.put("access_token", issue(userTokens, "user-access")).put("token_type", "Bearer")
                        .put("scope", grant.scope()).put("expires_in", tokenLifetimeSeconds)
                        .put("refresh_token", issue(refreshTokens, "refresh"));
            }
            case "refresh_token" -> {
                if (!CLIENT_ID.equals(p.get("client_id")) || !refreshTokens.remove(p.getOrDefault("refresh_token", ""))) {
                    oauthError(exchange, "invalid_grant", "Refresh token revoked");
                    return;
                }
                out.put("access_token", issue(userTokens, "user-access")).put("token_type", "Bearer")
                        .put("scope", "user-top-read").put("expires_in", tokenLifetimeSeconds)
                        .put("refresh_token", issue(refreshTokens, "refresh")); // rotated, as Spotify may do
            }
            case "client_credentials" -> {
                String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
                if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    oauthError(exchange, "invalid_client", "Invalid client");
                    return;
                }
                out.put("access_token", issue(appTokens, "app-access")).put("token_type", "Bearer").put("expires_in", 3600);
            }
            default -> {
                oauthError(exchange, "unsupported_grant_type", "grant_type must be client_credentials, authorization_code or refresh_token");
                return;
            }
        }
        send(exchange, 200, out);
    }

    private void api(HttpExchange exchange, String method, String path, Map<String, String> q, String body) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
        boolean user = userTokens.contains(token);
        if (!user && !(appTokens.contains(token) && path.equals("/v1/search"))) {
            error(exchange, 401, token.isEmpty() ? "No token provided" : "The access token expired");
            return;
        }
        String key = method + " " + path;
        if (key.equals("GET /v1/me")) {
            send(exchange, 200, JSON.createObjectNode().put("id", "spotify-user-1").put("display_name", "Ada Listener")
                    .put("type", "user").put("uri", "spotify:user:spotify-user-1"));
        } else if (key.equals("GET /v1/me/top/tracks")) {
            send(exchange, 200, paging(topTracks, q));
        } else if (key.equals("GET /v1/me/top/artists")) {
            send(exchange, 200, paging(topArtists, q));
        } else if (key.equals("GET /v1/me/player/recently-played")) {
            ObjectNode page = JSON.createObjectNode();
            ArrayNode items = page.putArray("items");
            recentlyPlayed.stream().limit(Integer.parseInt(q.getOrDefault("limit", "20"))).forEach(items::add);
            page.put("limit", items.size()).putNull("next").put("href", "https://api.spotify.com/v1/me/player/recently-played");
            page.putObject("cursors").put("after", "1").put("before", "0");
            send(exchange, 200, page);
        } else if (key.equals("GET /v1/search")) {
            int limit = Integer.parseInt(q.getOrDefault("limit", "5"));
            if (limit > 10 || !"track".equals(q.get("type"))) {
                error(exchange, 400, "Invalid limit");
                return;
            }
            ObjectNode out = JSON.createObjectNode();
            out.set("tracks", paging(searchResults, q));
            send(exchange, 200, out);
        } else if (key.equals("POST /v1/me/playlists")) {
            JsonNode in = JSON.readTree(body);
            String id = "pl" + counter.incrementAndGet();
            ObjectNode playlist = JSON.createObjectNode();
            playlist.put("id", id).put("name", in.path("name").asText()).put("description", in.path("description").asText())
                    .put("public", in.path("public").asBoolean(true)).put("snapshot_id", "s0").put("uri", "spotify:playlist:" + id);
            playlist.putArray("items");
            playlists.put(id, playlist);
            send(exchange, 201, playlist);
        } else if (method.equals("POST") && path.matches("/v1/playlists/[^/]+/items")) {
            ObjectNode playlist = playlists.get(path.split("/")[3]);
            if (playlist == null) {
                error(exchange, 404, "Resource not found");
                return;
            }
            JsonNode uris = JSON.readTree(body).path("uris");
            if (!uris.isArray() || uris.size() > 100) {
                error(exchange, 400, "Invalid uris");
                return;
            }
            uris.forEach(u -> ((ArrayNode) playlist.get("items")).add(u.asText()));
            send(exchange, 201, JSON.createObjectNode().put("snapshot_id", "s" + counter.incrementAndGet()));
        } else if (method.equals("DELETE") && path.matches("/v1/playlists/[^/]+/followers")) {
            playlists.remove(path.split("/")[3]);
            exchange.sendResponseHeaders(200, -1);
        } else {
            error(exchange, 404, "Service not found");
        }
    }

    private static ObjectNode paging(List<ObjectNode> all, Map<String, String> q) {
        int limit = Integer.parseInt(q.getOrDefault("limit", "20"));
        int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
        ObjectNode page = JSON.createObjectNode();
        ArrayNode items = page.putArray("items");
        all.stream().skip(offset).limit(limit).forEach(items::add);
        page.put("limit", limit).put("offset", offset).put("total", all.size()).putNull("next").putNull("previous")
                .put("href", "https://api.spotify.com/v1/x");
        return page;
    }

    private String issue(Set<String> into, String kind) {
        String token = kind + "-" + counter.incrementAndGet();
        into.add(token);
        return token;
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        out.putObject("error").put("status", status).put("message", message);
        send(exchange, status, out);
    }

    private static void oauthError(HttpExchange exchange, String error, String description) throws IOException {
        send(exchange, 400, JSON.createObjectNode().put("error", error).put("error_description", description));
    }

    private static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    public static Map<String, String> params(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) return out;
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

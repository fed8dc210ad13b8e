package io.echotune.music.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.echotune.music.turns.TurnSlots;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.IHttpManager;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.exceptions.detailed.BadGatewayException;
import se.michaelthelin.spotify.exceptions.detailed.BadRequestException;
import se.michaelthelin.spotify.exceptions.detailed.ForbiddenException;
import se.michaelthelin.spotify.exceptions.detailed.InternalServerErrorException;
import se.michaelthelin.spotify.exceptions.detailed.NotFoundException;
import se.michaelthelin.spotify.exceptions.detailed.ServiceUnavailableException;
import se.michaelthelin.spotify.exceptions.detailed.TooManyRequestsException;
import se.michaelthelin.spotify.exceptions.detailed.UnauthorizedException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * EchoTune's one HTTP stack to Spotify (the JDK HttpClient). spotify-web-api-java sends every request through it
 * (it is the library's {@link IHttpManager}), and so do the calls the library does not cover yet (creating a
 * playlist with {@code POST /me/playlists}, adding to {@code /playlists/{id}/items}). So one retry policy holds
 * everywhere: a 429 waits out Retry-After, a 5xx or a dropped connection is retried with exponential backoff.
 * Errors come back as the library's exception types. The library hard-wires accounts.spotify.com for token
 * requests; they are sent to the configured accounts origin instead, which is how tests reach a fake server.
 */
public class SpotifyHttp implements IHttpManager {

    private static final Logger log = LoggerFactory.getLogger(SpotifyHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers the JDK client sets itself and refuses to take from us. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient client;
    private final URI accountsBase;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxRetryAfter;
    private final Duration timeout;

    public SpotifyHttp(SpotifyProperties properties) {
        this.client = HttpClient.newBuilder().connectTimeout(properties.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.accountsBase = properties.accountsBaseUrl();
        this.maxAttempts = Math.max(1, properties.maxAttempts());
        this.initialBackoff = properties.initialBackoff();
        this.maxRetryAfter = properties.maxRetryAfter();
        this.timeout = properties.requestTimeout();
    }

    @Override
    public String get(URI uri, Header[] headers) throws IOException, SpotifyWebApiException {
        return send("GET", uri, headers, null);
    }

    @Override
    public String post(URI uri, Header[] headers, HttpEntity body) throws IOException, SpotifyWebApiException {
        return send("POST", uri, headers, body);
    }

    @Override
    public String put(URI uri, Header[] headers, HttpEntity body) throws IOException, SpotifyWebApiException {
        return send("PUT", uri, headers, body);
    }

    @Override
    public String delete(URI uri, Header[] headers, HttpEntity body) throws IOException, SpotifyWebApiException {
        return send("DELETE", uri, headers, body);
    }

    /** A JSON call the library has no request class for; answers the response body (may be empty). */
    public String sendJson(String method, URI uri, String accessToken, String jsonBody) throws IOException, SpotifyWebApiException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json");
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        byte[] body = jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8);
        return execute(method, uri, request, body);
    }

    private String send(String method, URI uri, Header[] headers, HttpEntity entity) throws IOException, SpotifyWebApiException {
        URI target = retarget(uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout);
        boolean hasContentType = false;
        for (Header header : headers) {
            if (RESTRICTED.contains(header.getName().toLowerCase())) continue;
            hasContentType |= header.getName().equalsIgnoreCase("Content-Type");
            request.header(header.getName(), header.getValue());
        }
        byte[] body = null;
        if (entity != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            entity.writeTo(bytes);
            body = bytes.toByteArray();
            if (!hasContentType && entity.getContentType() != null) {
                request.header("Content-Type", entity.getContentType());
            }
        }
        return execute(method, target, request, body);
    }

    /**
     * A URI the library aimed at accounts.spotify.com (token requests, the authorize page), moved to the configured
     * accounts origin; any other URI is already aimed by the library's builder and comes back unchanged.
     */
    public URI retarget(URI uri) {
        if (!SpotifyApi.DEFAULT_AUTHENTICATION_HOST.equals(uri.getHost())) {
            return uri;
        }
        return URI.create(accountsBase.toString().replaceAll("/+$", "") + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private String execute(String method, URI uri, HttpRequest.Builder request, byte[] body) throws IOException, SpotifyWebApiException {
        // waiting on Spotify (its answers, retries and Retry-After) does not hold one of the chat turns' slots
        try (var away = TurnSlots.away()) {
            return attempts(method, uri, request, body);
        }
    }

    private String attempts(String method, URI uri, HttpRequest.Builder request, byte[] body) throws IOException, SpotifyWebApiException {
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpRequest built = request.build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt >= maxAttempts) throw e;
                Duration wait = backoff(attempt);
                log.warn("Spotify {} {} failed ({}); retry {} of {} in {} ms", method, uri.getPath(), e.getClass().getSimpleName(),
                        attempt, maxAttempts - 1, wait.toMillis());
                pause(wait);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while calling Spotify", e);
            }
            int status = response.statusCode();
            if (status < 300) {
                return response.body();
            }
            SpotifyWebApiException error = error(response);
            boolean last = attempt >= maxAttempts;
            if (error instanceof TooManyRequestsException tooMany) {
                Duration wait = Duration.ofSeconds(Math.max(1, tooMany.getRetryAfter()));
                if (last || wait.compareTo(maxRetryAfter) > 0) throw error;
                log.info("Spotify rate limit on {} {}: waiting {} s as Retry-After asks (retry {} of {})", method, uri.getPath(),
                        wait.toSeconds(), attempt, maxAttempts - 1);
                pause(wait);
            } else if (status >= 500 && !last) {
                Duration wait = backoff(attempt);
                log.warn("Spotify {} {} answered {}; retry {} of {} in {} ms", method, uri.getPath(), status, attempt,
                        maxAttempts - 1, wait.toMillis());
                pause(wait);
            } else {
                throw error;
            }
        }
    }

    private Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 10);
        // jitter keeps several instances that hit the same outage from retrying in lockstep
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 4 + 1));
    }

    private static void pause(Duration wait) throws IOException {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry Spotify", e);
        }
    }

    private static SpotifyWebApiException error(HttpResponse<String> response) {
        String message = message(response.body()).orElse("HTTP " + response.statusCode());
        return switch (response.statusCode()) {
            case 400 -> new BadRequestException(message);
            case 401 -> new UnauthorizedException(message);
            case 403 -> new ForbiddenException(message);
            case 404 -> new NotFoundException(message);
            case 429 -> new TooManyRequestsException(message, response.headers().firstValue("Retry-After")
                    .map(SpotifyHttp::seconds).orElse(1));
            case 500 -> new InternalServerErrorException(message);
            case 502 -> new BadGatewayException(message);
            case 503 -> new ServiceUnavailableException(message);
            default -> new SpotifyWebApiException(message);
        };
    }

    private static int seconds(String retryAfter) {
        try {
            return Integer.parseInt(retryAfter.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Spotify's error text: {"error":{"message":…}} from the Web API, {"error_description":…} from accounts. */
    private static Optional<String> message(String body) {
        if (body == null || body.isBlank()) return Optional.empty();
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode text = json.path("error_description");
            if (text.isTextual()) return Optional.of(text.asText());
            text = json.path("error").path("message");
            if (text.isTextual()) return Optional.of(text.asText());
            text = json.path("error");
            return text.isTextual() ? Optional.of(text.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

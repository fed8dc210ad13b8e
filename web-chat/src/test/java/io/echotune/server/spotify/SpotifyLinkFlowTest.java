package io.echotune.server.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.echotune.music.spotify.FakeSpotify;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole link, from a browser's point of view, against the real server with Spotify configured and a fake
 * Spotify on 127.0.0.1: "link my Spotify" in the chat, the login link, Spotify's consent page, the callback, then
 * "save it to Spotify".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SpotifyLinkFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeSpotify FAKE = new FakeSpotify();
    private static final int PORT = freePort();
    private static final Pattern LOGIN_LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/api/spotify/login\\?token=[A-Za-z0-9_-]+");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("echotune-spotify").toString();
        registry.add("echotune.storage.data-dir", () -> dir);
        registry.add("server.port", () -> PORT);
        registry.add("echotune.spotify.client-id", () -> FakeSpotify.CLIENT_ID);
        registry.add("echotune.spotify.client-secret", () -> FakeSpotify.CLIENT_SECRET);
        registry.add("echotune.spotify.token-key", () -> "Fg0+c8ElgmaUTIuuOwCZywlrvpcdNqjeWmYsKWbE+2k=");
        registry.add("echotune.spotify.redirect-uri", () -> "http://127.0.0.1:" + PORT + "/api/spotify/callback");
        registry.add("echotune.spotify.api-base-url", () -> FAKE.baseUrl().toString());
        registry.add("echotune.spotify.accounts-base-url", () -> FAKE.baseUrl().toString());
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @Autowired
    SpotifyImportSchedule schedule;
    @Autowired
    MongoTemplate mongo;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void linkFromTheChatThenSaveThePlaylistToSpotify() throws Exception {
        String userId = "spotify-flow-" + UUID.randomUUID();
        JsonNode reply = chat(null, userId, "link my Spotify");
        Matcher link = LOGIN_LINK.matcher(reply.get("text").asText());
        assertThat(link.find()).as(reply.get("text").asText()).isTrue();

        String body = completeLogin(URI.create(link.group()));
        assertThat(body).contains("Ada Listener", "is linked");
        assertThat(chat(null, userId, "connect my spotify").get("text").asText()).contains("already linked");

        JsonNode built = chat(null, userId, "make a 12-song playlist of upbeat pop called Sunny Run");
        String session = built.get("sessionId").asText();
        assertThat(built.path("playlist").path("trackCount").asInt()).isEqualTo(12);
        JsonNode saved = chat(session, userId, "save it to Spotify");
        assertThat(saved.get("text").asText()).contains("Saved to your Spotify library with 12 tracks", "https://open.spotify.com/playlist/");
        assertThat(FAKE.playlists().values()).anySatisfy(p -> {
            assertThat(p.get("name").asText()).isEqualTo("Sunny Run");
            assertThat(p.get("items")).hasSize(12);
        });

        assertThat(chat(session, userId, "unlink my spotify").get("text").asText()).contains("unlinked");
    }

    @Test
    void theWidgetSeesTheStatusAndCanLinkWithItsVisitorToken() throws Exception {
        JsonNode anonymous = getJson("/api/spotify/status", null);
        assertThat(anonymous.get("configured").asBoolean()).isTrue();
        assertThat(anonymous.get("linked").asBoolean()).isFalse();

        String token = JSON.readTree(send(HttpRequest.newBuilder(local("/api/web/visitors")).POST(HttpRequest.BodyPublishers.noBody()), 201)).get("token").asText();
        JsonNode offer = JSON.readTree(send(HttpRequest.newBuilder(local("/api/spotify/link"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()), 201));
        assertThat(offer.get("validForSeconds").asLong()).isEqualTo(900);
        completeLogin(URI.create(offer.get("loginUrl").asText()));

        JsonNode linked = getJson("/api/spotify/status", token);
        assertThat(linked.get("linked").asBoolean()).isTrue();
        assertThat(linked.get("account").asText()).isEqualTo("Ada Listener");
        send(HttpRequest.newBuilder(local("/api/spotify/link")).header("Authorization", "Bearer " + token).DELETE(), 204);
        assertThat(getJson("/api/spotify/status", token).get("linked").asBoolean()).isFalse();
    }

    @Test
    void theCallbackRefusesAStateFromAnotherBrowserAndExplainsARefusal() throws Exception {
        String userId = "spotify-flow-" + UUID.randomUUID();
        Matcher link = LOGIN_LINK.matcher(chat(null, userId, "link my Spotify").get("text").asText());
        assertThat(link.find()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(link.group())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(URI.create(login.headers().firstValue("Location").orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofString());
        URI callback = URI.create(consent.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> noCookie = browser.send(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noCookie.statusCode()).isEqualTo(400);
        assertThat(noCookie.body()).contains("another browser");

        HttpResponse<String> denied = browser.send(HttpRequest.newBuilder(local("/api/spotify/callback?error=access_denied&state=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(200);
        assertThat(denied.body()).contains("Nothing was linked");

        HttpResponse<String> stale = browser.send(HttpRequest.newBuilder(local("/api/spotify/login?token=unknown")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.body()).contains("expired or was already used");
    }

    @Test
    void thePeriodicImportRunsUnderTheClusterWideLock() {
        schedule.importLinkedUsers();
        Document lock = mongo.getCollection("scheduler_locks").find(new Document("_id", "spotify-history-import")).first();
        assertThat(lock).as("ShedLock took the job's lock").isNotNull();
        assertThat(lock.getString("lockedBy")).isNotBlank();
    }

    /** Opens the login link, agrees on the (fake) Spotify page, follows the redirect back with the state cookie. */
    private String completeLogin(URI loginUrl) throws Exception {
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(loginUrl).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        URI authorize = URI.create(login.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(FAKE.baseUrl() + "/authorize?");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/api/spotify");
        HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
        URI callback = URI.create(consent.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/api/spotify/callback");
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(callback).header("Cookie", cookie.split(";")[0]).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        return back.body();
    }

    private JsonNode chat(String sessionId, String userId, String message) throws Exception {
        Map<String, String> body = sessionId == null ? Map.of("userId", userId, "message", message)
                : Map.of("sessionId", sessionId, "userId", userId, "message", message);
        return JSON.readTree(send(HttpRequest.newBuilder(local("/api/chat")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), 200));
    }

    private JsonNode getJson(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(local(path));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return JSON.readTree(send(request, 200));
    }

    private String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = browser.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response.body();
    }

    private static URI local(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}

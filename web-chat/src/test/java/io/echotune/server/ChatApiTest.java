package io.echotune.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Holds real conversations with the running server over HTTP, on the embedded MongoDB-compatible server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatApiTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("echotune-chat-api");
        registry.add("echotune.storage.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    private JsonHttp http() {
        return new JsonHttp(port);
    }

    private static List<String> titles(JsonNode reply) {
        List<String> titles = new ArrayList<>();
        reply.get("tracks").forEach(t -> titles.add(t.get("title").asText()));
        return titles;
    }

    @Test
    void aMultiTurnConversationRecommendsContinuesBuildsAPlaylistAndLearnsFeedback() {
        JsonHttp http = http();
        JsonNode hello = http.chat(null, "hi there");
        assertThat(hello.get("intent").asText()).isEqualTo("greet");
        String session = hello.get("sessionId").asText();

        JsonNode calm = http.chat(session, "something calm to study to");
        assertThat(calm.get("intent").asText()).isEqualTo("recommend");
        assertThat(calm.get("sessionId").asText()).isEqualTo(session);
        assertThat(calm.get("tracks")).hasSize(5);
        JsonNode first = calm.get("tracks").get(0);
        assertThat(first.get("id").asText()).isNotBlank();
        assertThat(first.get("artists")).isNotEmpty();
        assertThat(first.get("durationMs").asLong()).isPositive();
        assertThat(first.get("reason").asText()).contains("study");

        JsonNode another = http.chat(session, "another one");
        assertThat(another.get("intent").asText()).isEqualTo("recommend");
        assertThat(another.get("tracks")).isNotEmpty();
        assertThat(titles(another)).doesNotContainAnyElementsOf(titles(calm));

        JsonNode playlist = http.chat(session, "make that a playlist called Deep Focus");
        assertThat(playlist.get("intent").asText()).isEqualTo("build_playlist");
        assertThat(playlist.get("playlist").get("name").asText()).isEqualTo("Deep Focus");
        String playlistId = playlist.get("playlist").get("id").asText();
        // it starts from the tracks just shown
        assertThat(titles(playlist)).containsAll(titles(another));

        JsonHttp.Response stored = http.get("/api/playlists/" + playlistId);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("tracks").size()).isEqualTo(playlist.get("playlist").get("trackCount").asInt());

        JsonNode love = http.chat(session, "I love the second one");
        assertThat(love.get("intent").asText()).isEqualTo("feedback_positive");
        assertThat(love.get("text").asText()).contains(playlist.get("tracks").get(1).get("title").asText());

        JsonHttp.Response history = http.get("/api/sessions/" + session);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("turns")).hasSize(5);
        assertThat(history.json().get("turns").get(1).get("message").asText()).isEqualTo("something calm to study to");
        assertThat(history.json().get("turns").get(1).get("trackIds")).hasSize(5);
    }

    @Test
    void searchesByArtistAndByTitle() {
        JsonHttp http = http();
        JsonNode radiohead = http.chat(null, "play something by Radiohead");
        assertThat(radiohead.get("intent").asText()).isEqualTo("search");
        assertThat(radiohead.get("tracks")).isNotEmpty();
        radiohead.get("tracks").forEach(t -> assertThat(t.get("artists").get(0).asText()).isEqualTo("Radiohead"));

        JsonNode bohemian = http.chat(null, "find Bohemian Rhapsody");
        assertThat(bohemian.get("intent").asText()).isEqualTo("search");
        assertThat(titles(bohemian).getFirst()).startsWith("Bohemian Rhapsody");
    }

    @Test
    void recommendsBySimilarityGenreAndActivity() {
        JsonHttp http = http();
        JsonNode daftPunk = http.chat(null, "more like Daft Punk");
        assertThat(daftPunk.get("intent").asText()).isEqualTo("recommend");
        assertThat(daftPunk.get("tracks").get(0).get("reason").asText()).contains("Daft Punk");

        JsonNode workout = http.chat(null, "upbeat workout music");
        assertThat(workout.get("intent").asText()).isEqualTo("recommend");
        assertThat(workout.get("tracks")).hasSize(5);

        JsonNode rock = http.chat(null, "recommend some classic rock");
        assertThat(rock.get("tracks")).isNotEmpty();
        rock.get("tracks").forEach(t -> assertThat(t.get("genres").toString()).contains("classic rock"));
    }

    @Test
    void answersAnythingElseWithWhatItCanDo() {
        JsonNode weather = http().chat(null, "what's the weather like in Paris tomorrow?");
        assertThat(weather.get("intent").asText()).isEqualTo("out_of_scope");
        assertThat(weather.get("text").asText()).contains("music");
        assertThat(weather.get("suggestions")).isNotEmpty();
    }

    @Test
    void searchesTheCatalogWithoutAConversation() {
        JsonHttp.Response r = http().get("/api/tracks/search?q=daft%20punk&limit=3");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).hasSize(3);
        r.json().forEach(t -> assertThat(t.get("artists").get(0).asText()).isEqualTo("Daft Punk"));
    }

    @Test
    void badInputGetsAClearJsonErrorAndTheServerKeepsServing() {
        JsonHttp http = http();
        assertError(http.post("/api/chat", Map.of("message", "")), 400, "message must not be empty");
        assertError(http.post("/api/chat", Map.of("message", "a".repeat(2001))), 400, "at most 2000 characters");
        assertError(http.postRaw("/api/chat", "application/json", "{\"message\": \"hi\""), 400, "JSON");
        assertError(http.postRaw("/api/chat", "application/json", "{\"message\": [1,2]}"), 400, "JSON");
        assertError(http.postRaw("/api/chat", "text/plain", "hello"), 415, "Content-Type: application/json");
        assertError(http.post("/api/chat", Map.of("sessionId", "0b3f5c1e-0000-4000-8000-000000000000", "message", "hi")), 404, "No conversation");
        assertError(http.post("/api/chat", Map.of("sessionId", "{\"$gt\":\"\"}", "message", "hi")), 400, "sessionId");
        assertError(http.get("/api/sessions/unknown-session"), 404, "No conversation");
        assertError(http.get("/api/playlists/nope"), 404, "No playlist");
        assertError(http.get("/api/tracks/search?q="), 400, "q must not be empty");
        assertError(http.get("/api/tracks/search?q=x&limit=5000"), 400, "limit must be at most 50");
        assertError(http.get("/api/no-such-endpoint"), 404, "nothing at");

        assertThat(http.chat(null, "hello").get("intent").asText()).isEqualTo("greet");
    }

    private static void assertError(JsonHttp.Response r, int status, String detailFragment) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).contains("json");
        assertThat(r.json().get("detail").asText()).contains(detailFragment);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.echotune");
    }
}

package io.echotune.server.web;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.echotune.bot.linking.IdentityLinking;
import io.echotune.music.users.EchoUser;
import io.echotune.music.users.UserRepository;
import io.echotune.music.users.Users;
import io.echotune.server.identity.VisitorTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The web chat's HTTP side: tokens, the visitor's own conversations, playlists, feedback, recommendations, link codes, CORS. */
class WebApiTest extends RunningServer {

    @Autowired
    Users users;
    @Autowired
    UserRepository userRepository;
    @Autowired
    IdentityLinking linking;
    @Autowired
    VisitorTokens tokens;
    @Autowired
    ObjectMapper json;

    /** Holds a short conversation on the WebSocket and returns its session id. */
    private static String converse(WebClient visitor, String... messages) {
        String sessionId = null;
        try (WebClient.Socket socket = visitor.connect()) {
            socket.send(Map.of("type", "hello", "token", visitor.token()));
            socket.expect("ready");
            for (String message : messages) {
                socket.send(Map.of("type", "message", "id", message, "text", message));
                socket.expect("delta");
                sessionId = socket.expect("reply").get("reply").get("sessionId").asText();
            }
        }
        return sessionId;
    }

    /** Every request runs on a new virtual thread: buffers kept per thread would be allocated afresh for each one. */
    @Test
    void theJsonMappersBuffersAreReusedByTheNextThread() throws Exception {
        RecyclerPool<BufferRecycler> pool = json.getFactory()._getRecyclerPool();
        BufferRecycler[] used = new BufferRecycler[2];
        for (int i = 0; i < 2; i++) {
            int request = i;
            Thread.ofVirtual().start(() -> {
                used[request] = pool.acquireAndLinkPooled();
                used[request].releaseToPool();
            }).join();
        }
        assertThat(used[1]).isSameAs(used[0]);
    }

    @Test
    void aVisitorReadsTheirOwnConversationWithTrackDetailsPlaylistsAndVerdicts() {
        WebClient visitor = visitor();
        String sessionId = converse(visitor, "recommend some classic rock", "make that a playlist called Road Trip");
        JsonNode picks = visitor.get("/api/web/sessions/" + sessionId).json().get("turns").get(0).get("tracks");
        String trackId = picks.get(1).get("id").asText();
        WebClient.Response saved = visitor.post("/api/web/feedback", Map.of("trackId", trackId, "liked", false));
        assertThat(saved.status()).isEqualTo(200);

        WebClient.Response r = visitor.get("/api/web/sessions/" + sessionId);
        assertThat(r.status()).isEqualTo(200);
        JsonNode turns = r.json().get("turns");
        assertThat(turns).hasSize(2);
        assertThat(turns.get(0).get("message").asText()).isEqualTo("recommend some classic rock");
        assertThat(turns.get(0).get("reply").asText()).isNotBlank();
        assertThat(turns.get(0).get("tracks")).hasSize(5);
        assertThat(turns.get(0).get("tracks").get(0).get("genres").toString()).contains("classic rock");
        assertThat(turns.get(1).get("playlist").get("name").asText()).isEqualTo("Road Trip");
        assertThat(r.json().get("feedback").get(trackId).asBoolean()).isFalse();

        JsonNode playlists = visitor.get("/api/web/playlists").json();
        assertThat(playlists).hasSize(1);
        assertThat(playlists.get(0).get("name").asText()).isEqualTo("Road Trip");
        assertThat(playlists.get(0).get("tracks")).isNotEmpty();
    }

    @Test
    void nobodyElseCanReadAWebConversation() {
        WebClient owner = visitor();
        String sessionId = converse(owner, "something sad");

        WebClient.Response stranger = visitor().get("/api/web/sessions/" + sessionId);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.json().get("detail").asText()).contains("No conversation");
        assertThat(visitor().get("/api/web/playlists").json()).isEmpty();

        WebClient.Response anonymous = owner.getAnonymously("/api/web/sessions/" + sessionId);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("detail").asText()).contains("visitor token");

        // the REST channel's capability URL does not open web conversations, nor does a REST turn continue one
        assertThat(owner.getAnonymously("/api/sessions/" + sessionId).status()).isEqualTo(404);
        WebClient.Response restTurn = owner.post("/api/chat", Map.of("sessionId", sessionId, "message", "why these?"));
        assertThat(restTurn.status()).isEqualTo(404);
        assertThat(restTurn.json().get("detail").asText()).contains("No conversation");
        assertThat(sessions.find(sessionId).orElseThrow().turns()).hasSize(1);
    }

    @Test
    void recommendationsAreForTheVisitorAndLearnFromTheirLikes() {
        WebClient visitor = visitor();
        WebClient.Response cold = visitor.get("/api/recommendations?limit=4");
        assertThat(cold.status()).isEqualTo(200);
        assertThat(cold.json()).hasSize(4);
        cold.json().forEach(t -> assertThat(t.get("title").asText()).isNotBlank());

        String sessionId = converse(visitor, "recommend some classic rock");
        JsonNode rock = visitor.get("/api/web/sessions/" + sessionId).json().get("turns").get(0).get("tracks");
        for (int i = 0; i < 3; i++) {
            assertThat(visitor.post("/api/web/feedback", Map.of("trackId", rock.get(i).get("id").asText(), "liked", true)).status()).isEqualTo(200);
        }
        JsonNode warm = visitor.get("/api/recommendations?limit=4").json();
        assertThat(warm).hasSize(4);
        assertThat(warm.toString()).isNotEqualTo(cold.json().toString());

        assertThat(visitor.get("/api/recommendations?limit=500").status()).isEqualTo(400);
        assertThat(visitor.getAnonymously("/api/recommendations").status()).isEqualTo(401);
    }

    @Test
    void feedbackOnAnUnknownTrackOrWithoutAVerdictIsAClearError() {
        WebClient visitor = visitor();
        WebClient.Response unknown = visitor.post("/api/web/feedback", Map.of("trackId", "nosuchtrack", "liked", true));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("No track");
        WebClient.Response noVerdict = visitor.post("/api/web/feedback", Map.of("trackId", "abc"));
        assertThat(noVerdict.status()).isEqualTo(400);
        assertThat(noVerdict.json().get("detail").asText()).contains("liked");
    }

    @Test
    void onlyAllowedSitesGetCorsHeadersForTheWidget() {
        WebClient visitor = visitor();
        WebClient.Response allowed = visitor.getFrom(ALLOWED_SITE, "/js/widget-panel.js");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.headers().get("access-control-allow-origin")).containsExactly(ALLOWED_SITE);

        assertThat(visitor.getFrom("https://evil.example", "/js/widget-panel.js").status()).isEqualTo(403);
        assertThat(visitor.getFrom("https://evil.example", "/api/web/playlists").status()).isEqualTo(403);
    }

    @Test
    void aLinkCodeFromTheBotJoinsTheVisitorToThatPersonAndKeepsTheirWebConversation() {
        EchoUser botUser = users.forIdentity("telegram", "4242", "Ann");
        String code = linking.issue(botUser.getId()).display();
        WebClient visitor = visitor();
        String sessionId = converse(visitor, "recommend some classic rock");

        WebClient.Response wrong = visitor.post("/api/link", Map.of("code", "ABCD-2345"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("linked").asBoolean()).isFalse();
        assertThat(wrong.json().get("message").asText()).contains("didn't work");
        assertThat(visitor.post("/api/link", Map.of("code", " ")).status()).isEqualTo(400);

        WebClient.Response linked = visitor.post("/api/link", Map.of("code", code.toLowerCase()));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("linked").asBoolean()).isTrue();
        String visitorId = tokens.visitor(visitor.token()).orElseThrow().id();
        assertThat(userRepository.findByIdentities("web:" + visitorId).orElseThrow().getId()).isEqualTo(botUser.getId());
        // the conversation came along and is still the visitor's to read
        assertThat(sessions.find(sessionId).orElseThrow().userId()).isEqualTo(botUser.getId());
        assertThat(visitor.get("/api/web/sessions/" + sessionId).status()).isEqualTo(200);
        assertThat(visitor().get("/api/web/sessions/" + sessionId).status()).isEqualTo(404);
    }

    @Test
    void theAppShellIsServedAndInstallable() {
        WebClient visitor = visitor();
        WebClient.Response page = visitor.getAnonymously("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">").contains("/js/app.js");
        assertThat(visitor.getAnonymously("/sw.js").status()).isEqualTo(200);
        assertThat(visitor.getAnonymously("/icons/icon-512.png").status()).isEqualTo(200);
    }
}

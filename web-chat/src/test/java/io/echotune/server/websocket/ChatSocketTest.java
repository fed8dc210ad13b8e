package io.echotune.server.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import io.echotune.music.history.FeedbackKind;
import io.echotune.music.history.ListeningEvent;
import io.echotune.server.web.RunningServer;
import io.echotune.server.web.WebClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chat over a real WebSocket connection to the running server. */
class ChatSocketTest extends RunningServer {

    private static List<String> ids(JsonNode reply) {
        List<String> ids = new ArrayList<>();
        reply.get("tracks").forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    @Test
    void streamsTheReplyThenCardsStoresFeedbackAndResumesTheConversationOnANewConnection() {
        WebClient visitor = visitor();
        String sessionId;
        String liked;
        List<String> firstPicks;
        try (WebClient.Socket socket = visitor.connect()) {
            socket.send(Map.of("type", "hello", "token", visitor.token()));
            JsonNode ready = socket.expect("ready");
            assertThat(ready.has("sessionId")).isFalse();

            socket.send(Map.of("type", "message", "id", "m1", "text", "something calm to study to"));
            JsonNode delta = socket.expect("delta");
            assertThat(delta.get("id").asText()).isEqualTo("m1");
            JsonNode reply = socket.expect("reply");
            assertThat(reply.get("id").asText()).isEqualTo("m1");
            assertThat(reply.get("correlationId").asText()).as("one correlation id per turn, as for HTTP requests")
                    .matches("[0-9a-f-]{36}");
            JsonNode body = reply.get("reply");
            assertThat(body.get("text").asText()).isEqualTo(delta.get("text").asText());
            assertThat(body.get("intent").asText()).isEqualTo("recommend");
            assertThat(body.get("tracks")).hasSize(5);
            JsonNode card = body.get("tracks").get(0);
            assertThat(card.get("title").asText()).isNotBlank();
            assertThat(card.get("artists")).isNotEmpty();
            assertThat(card.get("album").asText()).isNotBlank();
            assertThat(card.get("genre").asText()).isNotBlank();
            assertThat(card.get("durationMs").asLong()).isPositive();
            assertThat(card.get("spotifyUrl").asText()).startsWith("https://open.spotify.com/track/");
            assertThat(body.get("suggestions")).isNotEmpty();
            sessionId = body.get("sessionId").asText();
            firstPicks = ids(body);

            liked = card.get("id").asText();
            socket.send(Map.of("type", "feedback", "trackId", liked, "liked", true));
            JsonNode saved = socket.expect("feedback");
            assertThat(saved.get("trackId").asText()).isEqualTo(liked);
            assertThat(saved.get("liked").asBoolean()).isTrue();
        }

        String userId = sessions.find(sessionId).orElseThrow().userId();
        assertThat(sessions.find(sessionId).orElseThrow().channel()).isEqualTo("web");
        List<ListeningEvent> events = history.recent(userId, 10);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.trackId()).isEqualTo(liked);
            assertThat(e.kind()).isEqualTo(FeedbackKind.LIKE);
        });

        // the connection dropped; a new one names the conversation and continues it, context included
        try (WebClient.Socket socket = visitor.connect()) {
            socket.send(Map.of("type", "hello", "token", visitor.token(), "sessionId", sessionId));
            JsonNode ready = socket.expect("ready");
            assertThat(ready.get("resumed").asBoolean()).isTrue();
            assertThat(ready.get("sessionId").asText()).isEqualTo(sessionId);

            socket.send(Map.of("type", "message", "id", "m2", "text", "another one"));
            socket.expect("delta");
            JsonNode more = socket.expect("reply").get("reply");
            assertThat(more.get("sessionId").asText()).isEqualTo(sessionId);
            assertThat(more.get("intent").asText()).isEqualTo("recommend");
            assertThat(ids(more)).isNotEmpty().doesNotContainAnyElementsOf(firstPicks);
        }
        assertThat(sessions.find(sessionId).orElseThrow().turns()).hasSize(2);
    }

    @Test
    void anotherVisitorCannotResumeSomeoneElsesConversation() {
        WebClient owner = visitor();
        String sessionId;
        try (WebClient.Socket socket = owner.connect()) {
            socket.send(Map.of("type", "hello", "token", owner.token()));
            socket.expect("ready");
            socket.send(Map.of("type", "message", "id", "a", "text", "play something by Radiohead"));
            socket.expect("delta");
            sessionId = socket.expect("reply").get("reply").get("sessionId").asText();
        }

        WebClient stranger = visitor();
        try (WebClient.Socket socket = stranger.connect()) {
            socket.send(Map.of("type", "hello", "token", stranger.token(), "sessionId", sessionId));
            assertThat(socket.expect("ready").get("resumed").asBoolean()).isFalse();
            socket.send(Map.of("type", "message", "id", "b", "text", "another one"));
            socket.expect("delta");
            assertThat(socket.expect("reply").get("reply").get("sessionId").asText()).isNotEqualTo(sessionId);
        }
        assertThat(sessions.find(sessionId).orElseThrow().turns()).hasSize(1);
    }

    @Test
    void badFramesGetAnErrorAndTheConnectionKeepsServing() {
        WebClient visitor = visitor();
        try (WebClient.Socket socket = visitor.connect()) {
            socket.send(Map.of("type", "message", "id", "early", "text", "hi"));
            assertThat(socket.expect("error").get("code").asText()).isEqualTo("hello_first");

            socket.sendRaw("{not json");
            assertThat(socket.expect("error").get("message").asText()).contains("could not be read");

            socket.send(Map.of("type", "hello", "token", visitor.token()));
            socket.expect("ready");
            socket.send(Map.of("type", "message", "id", "e1", "text", "   "));
            assertThat(socket.expect("error").get("message").asText()).isEqualTo("The message is empty.");
            socket.send(Map.of("type", "message", "id", "e2", "text", "a".repeat(2001)));
            assertThat(socket.expect("error").get("message").asText()).contains("2000 characters");
            socket.send(Map.of("type", "feedback", "trackId", "nosuchtrack", "liked", true));
            assertThat(socket.expect("error").get("code").asText()).isEqualTo("track_not_found");
            socket.send(Map.of("type", "dance"));
            assertThat(socket.expect("error").get("message").asText()).contains("Unknown message type");
            socket.send(Map.of("type", "ping"));
            socket.expect("pong");

            socket.send(Map.of("type", "message", "id", "ok", "text", "hello"));
            socket.expect("delta");
            assertThat(socket.expect("reply").get("reply").get("intent").asText()).isEqualTo("greet");
        }
    }

    @Test
    void aForgedTokenIsRefusedWithItsOwnCloseCode() {
        try (WebClient.Socket socket = visitor().connect()) {
            socket.send(Map.of("type", "hello", "token", "made-up"));
            assertThat(socket.expect("error").get("code").asText()).isEqualTo("bad_token");
            assertThat(socket.closeCode()).isEqualTo(4401);
        }
    }

    @Test
    void onlyAllowedSitesMayOpenTheSocket() {
        WebClient visitor = visitor();
        try (WebClient.Socket socket = visitor.connect(ALLOWED_SITE)) {
            socket.send(Map.of("type", "hello", "token", visitor.token()));
            socket.expect("ready");
        }
        assertThatThrownBy(() -> visitor.connect("https://evil.example"))
                .isInstanceOf(CompletionException.class)
                .hasStackTraceContaining("403");
    }
}

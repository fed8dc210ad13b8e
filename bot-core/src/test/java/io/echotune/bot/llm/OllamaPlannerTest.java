package io.echotune.bot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echotune.bot.BotTestApplication;
import io.echotune.bot.conversation.ChatReply;
import io.echotune.music.catalog.Track;
import io.echotune.music.history.ListeningHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.echotune.bot.llm.FakeModelServer.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/** The LLM planner with the real {@code OllamaChatModel} / streaming model against a fake Ollama {@code /api/chat}. */
@SpringBootTest(classes = BotTestApplication.class)
class OllamaPlannerTest extends LlmFixture {

    @Autowired
    ListeningHistory history;

    private final FakeModelServer server = new FakeModelServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmProperties ollama(boolean streaming) {
        return new LlmProperties("auto", Duration.ofSeconds(10), Duration.ofSeconds(3), 6, 30, streaming,
                new LlmProperties.OpenAi(null, "gpt-4o-mini", null),
                new LlmProperties.Gemini(null, "gemini-2.5-flash", null),
                new LlmProperties.Vertex(null, "us-central1", "gemini-2.5-flash"),
                new LlmProperties.Ollama(server.url(""), "llama3.1"));
    }

    /** One /api/chat answer: text, or tool calls given as name and JSON arguments pairs. */
    private static String chat(String content, boolean done, String... toolNamesAndArgs) {
        ObjectNode root = JSON.createObjectNode().put("model", "llama3.1").put("created_at", "2026-01-01T00:00:00Z");
        ObjectNode message = root.putObject("message").put("role", "assistant").put("content", content);
        if (toolNamesAndArgs.length > 0) {
            var calls = message.putArray("tool_calls");
            for (int i = 0; i < toolNamesAndArgs.length; i += 2) {
                try {
                    calls.addObject().putObject("function").put("name", toolNamesAndArgs[i])
                            .set("arguments", JSON.readTree(toolNamesAndArgs[i + 1]));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalArgumentException(e);
                }
            }
        }
        root.put("done", done);
        if (done) {
            root.put("done_reason", "stop").put("prompt_eval_count", 100).put("eval_count", 10);
        }
        return root.toString();
    }

    @Test
    void searchThenFeedbackThroughOllamasNativeApi() {
        Track first = tools.tracksByArtist("Adele", 3).getFirst();
        server.json(chat("", true, "search_tracks", "{\"query\":\"Adele\",\"count\":3}"))
                .json(chat("", true, "record_feedback", "{\"liked\":true,\"position\":1}"))
                .json(chat("Noted — you love " + first.title() + ". Want more like it?", true));
        LlmPlanner planner = planner(ollama(false));
        assertThat(planner.name()).isEqualTo("ollama");

        ChatReply reply = say(engine(planner), null, "I love Adele's biggest song, find it");

        assertThat(reply.text()).startsWith("Noted — you love " + first.title());
        assertThat(reply.tracks()).extracting(t -> t.track().id()).first().isEqualTo(first.id());
        String me = sessions.find(reply.sessionId()).orElseThrow().userId();
        assertThat(history.taste(me).liked()).containsExactly(first.id());
        assertThat(server.received()).hasSize(3).allSatisfy(r -> assertThat(r.path()).isEqualTo("/api/chat"));
        JsonNode firstRequest = server.received().getFirst().body();
        assertThat(firstRequest.get("model").asText()).isEqualTo("llama3.1");
        assertThat(firstRequest.get("tools").toString()).contains("search_tracks").contains("record_feedback");
        assertThat(server.received().get(1).body().get("messages").toString()).contains(first.id());
    }

    @Test
    void streamsNewlineDelimitedJsonFromOllama() {
        String[] tokens = "Here are three dreamy tracks for drifting off; the second one is especially soft, and the third fades out beautifully if you fall asleep before it ends. Sweet dreams!".split("(?<= )");
        server.ndjson(List.of(chat("", true, "recommend_tracks", "{\"moods\":[\"DREAMY\"],\"activities\":[\"SLEEP\"],\"count\":3}")));
        List<String> lines = new ArrayList<>();
        for (String token : tokens) {
            lines.add(chat(token, false));
        }
        lines.add(chat("", true));
        server.ndjson(lines);
        List<String> partials = new ArrayList<>();

        ChatReply reply = say(engine(planner(ollama(true))), null, "something dreamy to fall asleep to", partials::add);

        assertThat(reply.text()).isEqualTo(String.join("", tokens));
        assertThat(String.join("", partials)).isEqualTo(reply.text());
        assertThat(reply.tracks()).hasSize(3);
        assertThat(server.received()).allSatisfy(r -> assertThat(r.body().get("stream").asBoolean()).isTrue());
    }
}

package io.echotune.bot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.echotune.bot.BotTestApplication;
import io.echotune.bot.conversation.ChatReply;
import io.echotune.music.catalog.Track;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM planner with the real {@code GoogleAiGeminiChatModel} / streaming model against a fake Gemini API
 * ({@code models/{model}:generateContent}) on 127.0.0.1: functionCall parts in, functionResponse parts back.
 */
@SpringBootTest(classes = BotTestApplication.class)
class GeminiPlannerTest extends LlmFixture {

    static final String GEMINI_KEY = "AIza" + "SyTest0123456789abcdefghijklmnopq";

    private final FakeModelServer server = new FakeModelServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmProperties gemini(boolean streaming) {
        return new LlmProperties("gemini", Duration.ofSeconds(10), Duration.ofSeconds(3), 6, 30, streaming,
                new LlmProperties.OpenAi(null, "gpt-4o-mini", null),
                new LlmProperties.Gemini(GEMINI_KEY, "gemini-2.5-flash", server.url("/v1beta")),
                new LlmProperties.Vertex(null, "us-central1", "gemini-2.5-flash"),
                new LlmProperties.Ollama(null, "llama3.1"));
    }

    @Test
    void aMultiToolTurnThroughTheGeminiApi() {
        server.json(GeminiScript.functionCalls("search_tracks", "{\"query\":\"Radiohead\",\"count\":4}"))
                .json(GeminiScript.functionCalls("build_playlist", "{\"name\":\"Rainy Day\",\"startFromShownTracks\":true,\"trackCount\":8}"))
                .json(GeminiScript.text("Rainy Day is ready: four Radiohead songs to start, then more in the same spirit."));
        LlmPlanner planner = planner(gemini(false));
        assertThat(planner.name()).isEqualTo("gemini");

        ChatReply reply = say(engine(planner), null, "make a Rainy Day playlist starting with Radiohead");

        assertThat(reply.text()).isEqualTo("Rainy Day is ready: four Radiohead songs to start, then more in the same spirit.");
        assertThat(reply.playlist()).isPresent();
        assertThat(reply.playlist().get().playlist().name()).isEqualTo("Rainy Day");
        assertThat(reply.playlist().get().tracks()).hasSize(8);
        List<String> radiohead = tools.tracksByArtist("Radiohead", 4).stream().map(Track::id).toList();
        assertThat(reply.playlist().get().playlist().trackIds().subList(0, 4)).containsExactlyElementsOf(radiohead);

        List<FakeModelServer.Received> requests = server.received();
        assertThat(requests).hasSize(3).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
            assertThat(r.googApiKey()).isEqualTo(GEMINI_KEY);
            assertThat(r.body().toString()).doesNotContain(GEMINI_KEY);
        });
        JsonNode first = requests.getFirst().body();
        assertThat(first.at("/systemInstruction/parts/0/text").asText()).contains("You are EchoTune").contains("\"intent\":");
        List<String> declared = StreamSupport.stream(first.at("/tools/functionDeclarations").spliterator(), false)
                .map(f -> f.get("name").asText()).toList();
        assertThat(declared).contains("search_tracks", "recommend_tracks", "build_playlist", "record_feedback");
        // the search result went back as a functionResponse part with the real track ids
        JsonNode contents = requests.get(1).body().get("contents");
        JsonNode response = contents.get(contents.size() - 1).at("/parts/0/functionResponse");
        assertThat(response.get("name").asText()).isEqualTo("search_tracks");
        assertThat(response.at("/response/response").asText()).contains(radiohead);
    }

    @Test
    void streamsThroughTheGeminiApi() {
        String[] chunks = {"Here's something gentle for a slow evening — ", "soft voices, warm guitars and nothing ",
                "that rushes you. If one of them clicks, tell me and I'll find more like it; if not, ",
                "say what feels off and I'll steer somewhere else."};
        // a streamed turn streams its tool step too: Gemini sends each step as server-sent events
        server.sseWithoutDone(List.of(GeminiScript.functionCalls("recommend_tracks", "{\"moods\":[\"CALM\"],\"count\":3}")))
                .sseWithoutDone(GeminiScript.streamedText(chunks));
        LlmPlanner planner = planner(gemini(true));
        List<String> partials = new ArrayList<>();

        ChatReply reply = say(engine(planner), null, "something calm for the evening", partials::add);

        assertThat(reply.text()).isEqualTo(String.join("", chunks));
        assertThat(String.join("", partials)).isEqualTo(reply.text());
        assertThat(reply.tracks()).hasSize(3);
        assertThat(server.received()).extracting(FakeModelServer.Received::path)
                .containsOnly("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    }
}

package io.echotune.bot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.echotune.bot.BotTestApplication;
import io.echotune.bot.conversation.ChatReply;
import io.echotune.bot.conversation.ConversationService;
import io.echotune.bot.sessions.ChatSession;
import io.echotune.music.catalog.Track;
import io.echotune.music.history.ListeningHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static io.echotune.bot.llm.OpenAiScript.call;
import static io.echotune.bot.llm.OpenAiScript.streamedText;
import static io.echotune.bot.llm.OpenAiScript.streamedToolCall;
import static io.echotune.bot.llm.OpenAiScript.text;
import static io.echotune.bot.llm.OpenAiScript.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM planner with the real {@code OpenAiChatModel} / {@code OpenAiStreamingChatModel} against a fake
 * OpenAI-compatible server on 127.0.0.1 scripted to return tool calls, as Ollama, vLLM or OpenAI would.
 */
@SpringBootTest(classes = BotTestApplication.class)
class OpenAiPlannerTest extends LlmFixture {

    @Autowired
    ListeningHistory history;

    private final FakeModelServer server = new FakeModelServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aMultiToolTurnShowsExactlyTheTracksAndPlaylistTheToolsReturned() {
        server.json(toolCalls(call("call_1", "search_tracks", "{\"query\":\"Daft Punk\",\"count\":3}")))
                .json(toolCalls(call("call_2", "build_playlist", "{\"name\":\"Robot Rock\",\"startFromShownTracks\":true,\"trackCount\":10}")))
                .json(text("I made Robot Rock for you: it opens with three Daft Punk classics and keeps the groove going."));
        ConversationService engine = engine(planner(openAi(server)));

        ChatReply reply = say(engine, null, "make me a playlist called Robot Rock that starts with Daft Punk songs");

        assertThat(reply.text()).isEqualTo("I made Robot Rock for you: it opens with three Daft Punk classics and keeps the groove going.");
        assertThat(reply.playlist()).isPresent();
        var playlist = reply.playlist().get();
        assertThat(playlist.playlist().name()).isEqualTo("Robot Rock");
        assertThat(playlist.tracks()).hasSize(10);
        assertThat(reply.tracks()).extracting(t -> t.track().id()).containsExactlyElementsOf(playlist.playlist().trackIds());
        // the playlist starts from what search_tracks returned, as the model asked
        List<String> searched = tools.tracksByArtist("Daft Punk", 3).stream().map(Track::id).toList();
        assertThat(playlist.playlist().trackIds().subList(0, 3)).containsExactlyElementsOf(searched);

        List<FakeModelServer.Received> requests = server.received();
        assertThat(requests).hasSize(3);
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/chat/completions");
            assertThat(r.authorization()).isEqualTo("Bearer " + OPENAI_KEY);
            assertThat(r.body().toString()).doesNotContain(OPENAI_KEY);
        });
        JsonNode first = requests.getFirst().body();
        assertThat(toolNames(first)).containsExactlyInAnyOrder("search_tracks", "recommend_tracks", "build_playlist",
                "save_playlist", "explain_pick", "record_feedback", "listening_stats", "link_spotify");
        String system = first.get("messages").get(0).get("content").asText();
        assertThat(first.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(system).contains("\"intent\":").contains("Robot Rock").contains("\"known\":false");
        // the search result went back to the model with the real track ids
        JsonNode toolMessage = lastMessage(requests.get(1).body());
        assertThat(toolMessage.get("role").asText()).isEqualTo("tool");
        assertThat(toolMessage.get("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(toolMessage.get("content").asText()).contains(searched);

        ChatSession stored = sessions.find(reply.sessionId()).orElseThrow();
        assertThat(stored.turns().getFirst().planner()).isEqualTo("openai");
        assertThat(stored.turns().getFirst().playlistId()).isEqualTo(playlist.playlist().id());
        assertThat(stored.context().lastPlaylistId()).isEqualTo(playlist.playlist().id());
    }

    @Test
    void streamsTokensToTheChannelAndTheStreamAddsUpToTheReply() {
        String[] tokens = ("Here are four bright, happy songs to lift the afternoon. The first one is a sure bet if you "
                + "want to sing along, and the last one has a chorus that sticks for days. Tell me which ones land "
                + "and I'll steer the next picks that way.").split("(?<= )");
        server.sse(streamedToolCall("Let me find some sunshine.", "call_1", "recommend_tracks", "{\"moods\":[\"HAPPY\"],\"count\":4}"))
                .sse(streamedText(tokens));
        ConversationService engine = engine(planner(openAiStreaming(server)));
        List<String> partials = new ArrayList<>();

        ChatReply reply = say(engine, null, "play me something happy", partials::add);

        assertThat(reply.text()).isEqualTo("Let me find some sunshine.\n\n" + String.join("", tokens));
        assertThat(String.join("", partials)).isEqualTo(reply.text());
        assertThat(partials).hasSizeGreaterThan(5);
        assertThat(reply.tracks()).hasSize(4).allSatisfy(t -> assertThat(t.reason()).isPresent());
        assertThat(server.received()).hasSize(2).allSatisfy(r -> assertThat(r.body().get("stream").asBoolean()).isTrue());
    }

    @Test
    void theConversationIsRememberedInMongoAndSurvivesARestart() {
        server.json(text("Hi! What are you in the mood for?"));
        ChatReply first = say(engine(planner(openAi(server))), null, "hello there, my name is Sam");

        List<String> stored = sessions.llmMemory(first.sessionId());
        assertThat(stored).hasSize(3); // system, user, assistant
        assertThat(stored.get(1)).contains("my name is Sam");
        // the memory was written before the first turn stored the session: the session is still whole
        var session = sessions.find(first.sessionId()).orElseThrow();
        assertThat(session.userId()).isNotBlank();
        assertThat(session.channel()).isNotBlank();
        assertThat(session.createdAt()).isNotNull();
        assertThat(session.turns()).hasSize(1);

        // a new planner and engine, as after a restart: the memory comes back from chat_sessions
        server.json(text("Of course, Sam."));
        ChatReply second = say(engine(planner(openAi(server))), first, "do you remember my name?");

        JsonNode messages = server.received().get(1).body().get("messages");
        List<String> contents = StreamSupport.stream(messages.spliterator(), false)
                .map(m -> m.path("content").toString()).toList();
        assertThat(contents).anyMatch(c -> c.contains("my name is Sam"));
        assertThat(contents).anyMatch(c -> c.contains("What are you in the mood for?"));
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(second.text()).isEqualTo("Of course, Sam.");
    }

    @Test
    void theMemoryIsWindowedSoPromptsStayBounded() {
        LlmPlanner planner = planner(openAi(server, Duration.ofSeconds(5), Duration.ofSeconds(2), 1, 6, false));
        ConversationService engine = engine(planner);
        ChatReply reply = null;
        for (int i = 1; i <= 5; i++) {
            server.json(text("Answer " + i));
            reply = say(engine, reply, "hello number " + i);
        }
        assertThat(sessions.llmMemory(reply.sessionId())).hasSizeLessThanOrEqualTo(6);
        String lastRequest = server.received().getLast().body().get("messages").toString();
        // LangChain4j sends the window plus the new message
        assertThat(server.received().getLast().body().get("messages")).hasSizeLessThanOrEqualTo(6 + 1);
        assertThat(lastRequest).doesNotContain("hello number 1").contains("hello number 5").contains("Answer 4");
    }

    @Test
    void aFailingToolGivesTheModelAnErrorResultNotACrashedTurn() {
        server.json(toolCalls(call("call_1", "record_feedback", "{\"liked\":true,\"position\":9}"),
                        call("call_2", "delete_all_users", "{}")))
                .json(text("Sorry, I haven't shown you anything yet — ask me for some music first."));
        ChatReply reply = say(engine(planner(openAi(server))), null, "I love the ninth one");

        assertThat(reply.text()).isEqualTo("Sorry, I haven't shown you anything yet — ask me for some music first.");
        JsonNode messages = server.received().get(1).body().get("messages");
        String results = messages.toString();
        assertThat(results).contains("position 9 is out of range").contains("there is no tool called delete_all_users");
        assertThat(history.recent(sessions.find(reply.sessionId()).orElseThrow().userId(), 10)).isEmpty();
    }

    @Test
    void aModelThatKeepsCallingToolsIsStoppedAndTheToolResultsStillReachThePerson() {
        for (int i = 0; i < 6; i++) {
            server.json(toolCalls(call("call_" + i, "search_tracks", "{\"query\":\"Queen\",\"count\":2}")));
        }
        ChatReply reply = say(engine(planner(openAi(server, Duration.ofSeconds(5), Duration.ofSeconds(2), 2, 30, false))), null,
                "find songs by Queen");

        // two tool calls run, a third is refused, and the fourth model response ends the loop
        assertThat(server.received()).hasSize(4);
        assertThat(server.received().get(3).body().toString()).contains("tool-call limit for this turn is used up");
        assertThat(reply.text()).startsWith(LlmPlanner.OFFLINE_NOTE).contains("Queen");
        assertThat(reply.tracks()).hasSize(2).allSatisfy(t -> assertThat(t.track().artists()).contains("Queen"));
        // the memory holds the exchange, not the half-finished tool loop
        List<String> memory = sessions.llmMemory(reply.sessionId());
        assertThat(memory.getLast()).contains("AI").contains("offline answer");
    }

    static List<String> toolNames(JsonNode request) {
        return StreamSupport.stream(request.get("tools").spliterator(), false)
                .map(t -> t.get("function").get("name").asText()).toList();
    }

    static JsonNode lastMessage(JsonNode request) {
        JsonNode messages = request.get("messages");
        return messages.get(messages.size() - 1);
    }
}

package io.echotune.bot.llm;

import io.echotune.bot.conversation.ChatReply;
import io.echotune.bot.conversation.ChatTurn;
import io.echotune.bot.conversation.ConversationService;
import io.echotune.bot.nlu.Nlu;
import io.echotune.bot.planner.RulePlanner;
import io.echotune.bot.sessions.ChatSessions;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.tools.MusicTools;
import io.echotune.music.users.Users;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The real conversation engine (from {@code BotTestApplication}'s context) with an {@link LlmPlanner} pointed at a
 * {@link FakeModelServer}. Tests build planners themselves so that each can use its own fake server and limits.
 */
abstract class LlmFixture {

    static final String OPENAI_KEY = "sk-test-" + "0123456789abcdefghij";

    @Autowired Nlu nlu;
    @Autowired MusicTools tools;
    @Autowired Catalog catalog;
    @Autowired RulePlanner rules;
    @Autowired ChatSessions sessions;
    @Autowired Users users;
    @Autowired Clock clock;

    final String user = "llm-tester-" + UUID.randomUUID();

    /** OpenAI-compatible settings for the fake server; {@code streaming} picks OpenAiStreamingChatModel over OpenAiChatModel. */
    static LlmProperties openAi(FakeModelServer server, Duration timeout, Duration retryBudget, int maxToolCalls, int memoryMessages,
                                boolean streaming) {
        return new LlmProperties("auto", timeout, retryBudget, maxToolCalls, memoryMessages, streaming,
                new LlmProperties.OpenAi(OPENAI_KEY, "gpt-4o-mini", server.url("/v1")),
                new LlmProperties.Gemini(null, "gemini-2.5-flash", null),
                new LlmProperties.Vertex(null, "us-central1", "gemini-2.5-flash"),
                new LlmProperties.Ollama(null, "llama3.1"));
    }

    static LlmProperties openAi(FakeModelServer server) {
        return openAi(server, Duration.ofSeconds(5), Duration.ofSeconds(3), 6, 30, false);
    }

    static LlmProperties openAiStreaming(FakeModelServer server) {
        return openAi(server, Duration.ofSeconds(5), Duration.ofSeconds(3), 6, 30, true);
    }

    LlmPlanner planner(LlmProperties properties) {
        return new LlmPlanner(LanguageModels.from(properties).orElseThrow(), properties, tools, catalog, rules, sessions);
    }

    /** A planner whose every provider call is measured in {@code meters}, as the server's is. */
    LlmPlanner planner(LlmProperties properties, MeterRegistry meters) {
        LanguageModels models = LanguageModels.from(properties, provider -> List.of(new LlmMetrics(meters, provider))).orElseThrow();
        return new LlmPlanner(models, properties, tools, catalog, rules, sessions);
    }

    ConversationService engine(LlmPlanner planner) {
        return new ConversationService(nlu, planner, sessions, users, clock);
    }

    ChatReply say(ConversationService engine, ChatReply previous, String text) {
        return engine.handle(turn(previous, text));
    }

    ChatReply say(ConversationService engine, ChatReply previous, String text, Consumer<String> partialText) {
        return engine.handle(turn(previous, text), partialText);
    }

    ChatTurn turn(ChatReply previous, String text) {
        return new ChatTurn("test", Optional.of(user), Optional.ofNullable(previous).map(ChatReply::sessionId), text);
    }
}

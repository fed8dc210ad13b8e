package io.echotune.bot.llm;

import io.echotune.bot.BotTestApplication;
import io.echotune.bot.conversation.ChatReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.echotune.bot.llm.OpenAiScript.call;
import static io.echotune.bot.llm.OpenAiScript.streamedText;
import static io.echotune.bot.llm.OpenAiScript.text;
import static io.echotune.bot.llm.OpenAiScript.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timeouts, 429s and 5xx from an OpenAI-compatible server: retried with backoff within the budget, then the
 * RulePlanner answers the turn with a short note. A person always gets music, never an error.
 */
@SpringBootTest(classes = BotTestApplication.class)
class ProviderFailureTest extends LlmFixture {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private final FakeModelServer server = new FakeModelServer();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Generous request timeout (a busy CI machine must not time out by accident), short retry budget. */
    private LlmPlanner planner(boolean streaming) {
        return planner(openAi(server, Duration.ofSeconds(10), Duration.ofSeconds(3), 6, 30, streaming));
    }

    @Test
    void aServerThatTimesOutIsRetriedThenTheRulePlannerAnswers() {
        for (int i = 0; i < 5; i++) {
            server.slow(Duration.ofSeconds(5), text("too late"));
        }
        long start = System.nanoTime();
        ChatReply reply = say(engine(planner(openAi(server, TIMEOUT, BUDGET, 6, 30, false))), null, "something calm to study to");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(reply.text()).startsWith(LlmPlanner.OFFLINE_NOTE);
        assertThat(reply.tracks()).hasSize(5); // the RulePlanner's recommendation
        assertThat(server.received()).hasSizeBetween(2, 3);
        assertThat(took).isLessThan(BUDGET.plus(TIMEOUT).plus(Duration.ofSeconds(2)));
    }

    @Test
    void aServerErrorIsRetriedThenTheRulePlannerAnswers() {
        for (int i = 0; i < 10; i++) {
            server.status(500);
        }
        ChatReply reply = say(engine(planner(false)), null, "recommend some hip hop");

        assertThat(reply.text()).startsWith(LlmPlanner.OFFLINE_NOTE);
        assertThat(reply.tracks()).isNotEmpty();
        assertThat(server.received().size()).isBetween(2, 6);
        var stored = sessions.find(reply.sessionId()).orElseThrow().turns().getFirst();
        assertThat(stored.replyText()).isEqualTo(reply.text());
        assertThat(stored.planner()).as("the turn records who really answered").isEqualTo("rules");
    }

    @Test
    void aPassing429Or503IsRetriedAndTheTurnCompletesWithTheModel() {
        server.status(429)
                .json(toolCalls(call("call_1", "recommend_tracks", "{\"genres\":[\"hip hop\"],\"count\":3}")))
                .status(503)
                .json(text("Three hip hop picks, fresh from the crate."));
        ChatReply reply = say(engine(planner(false)), null, "recommend some hip hop");

        assertThat(reply.text()).isEqualTo("Three hip hop picks, fresh from the crate.");
        assertThat(reply.tracks()).hasSize(3);
        assertThat(server.received()).hasSize(4);
        assertThat(server.pending()).isZero();
    }

    @Test
    void aRejectedKeyIsNotRetried() {
        server.status(401).status(401);
        ChatReply reply = say(engine(planner(false)), null, "play something by Radiohead");

        assertThat(server.received()).hasSize(1);
        assertThat(reply.text()).startsWith(LlmPlanner.OFFLINE_NOTE).contains("Radiohead");
    }

    @Test
    void aStreamThatFailsBeforeItsFirstTokenIsRetriedAndAFailedOneFallsBackWhileStreaming() {
        server.status(500).sse(streamedText("All ", "good ", "now."));
        List<String> partials = new ArrayList<>();
        ChatReply ok = say(engine(planner(true)), null, "hello", partials::add);
        assertThat(ok.text()).isEqualTo("All good now.");
        assertThat(String.join("", partials)).isEqualTo("All good now.");

        for (int i = 0; i < 10; i++) {
            server.status(502);
        }
        List<String> fallbackPartials = new ArrayList<>();
        ChatReply offline = say(engine(planner(true)), null, "something upbeat for a workout", fallbackPartials::add);
        assertThat(offline.text()).startsWith(LlmPlanner.OFFLINE_NOTE);
        assertThat(offline.tracks()).isNotEmpty();
        assertThat(String.join("", fallbackPartials)).isEqualTo(offline.text());
    }
}

package io.echotune.bot.llm;

import io.echotune.bot.BotTestApplication;
import io.echotune.bot.conversation.ChatReply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static io.echotune.bot.llm.OpenAiScript.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Tokens, calls and errors of the language model, per provider, as the operator sees them in metrics. */
@SpringBootTest(classes = BotTestApplication.class)
class LlmMetricsTest extends LlmFixture {

    private final FakeModelServer server = new FakeModelServer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        server.close();
    }

    private double count(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void everyAnsweredCallCountsItsTokensByProvider() {
        server.json(text("Hi! What are you in the mood for?")); // the fake reports 100 prompt and 10 completion tokens

        ChatReply reply = say(engine(planner(openAi(server), meters)), null, "hello there");

        assertThat(reply.text()).isEqualTo("Hi! What are you in the mood for?");
        assertThat(count("echotune.llm.calls", "provider", "openai")).isEqualTo(1);
        assertThat(count("echotune.llm.tokens", "provider", "openai", "kind", "input")).isEqualTo(100);
        assertThat(count("echotune.llm.tokens", "provider", "openai", "kind", "output")).isEqualTo(10);
        assertThat(meters.find("echotune.llm.errors").counters()).isEmpty();
    }

    @Test
    void everyFailedAttemptIsCountedAsAnErrorOfItsProvider() {
        for (int i = 0; i < 10; i++) {
            server.status(500);
        }

        ChatReply reply = say(engine(planner(openAi(server), meters)), null, "recommend some hip hop");

        assertThat(reply.text()).startsWith(LlmPlanner.OFFLINE_NOTE);
        double errors = meters.find("echotune.llm.errors").tag("provider", "openai").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        assertThat(errors).isEqualTo(server.received().size()).isGreaterThanOrEqualTo(2);
        assertThat(count("echotune.llm.calls", "provider", "openai")).isZero();
    }
}

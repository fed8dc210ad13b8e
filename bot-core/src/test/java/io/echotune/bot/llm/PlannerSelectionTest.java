package io.echotune.bot.llm;

import io.echotune.bot.BotTestApplication;
import io.echotune.bot.conversation.ChatReply;
import io.echotune.bot.conversation.ChatTurn;
import io.echotune.bot.conversation.ConversationService;
import io.echotune.bot.planner.Planner;
import io.echotune.bot.planner.RulePlanner;
import io.echotune.bot.sessions.ChatSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.echotune.bot.llm.OpenAiScript.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which planner the conversation engine gets: the RulePlanner with no provider configured, the LLM planner
 * (RulePlanner as fallback) once {@code echotune.llm.*} names one. The configured contexts are children of
 * the test application's, so the catalog and the NLU are built once.
 */
@SpringBootTest(classes = BotTestApplication.class)
class PlannerSelectionTest {

    @Autowired
    ConfigurableApplicationContext application;
    @Autowired
    ConversationService conversations;

    /**
     * A child context of the test application holding only the planner selection and an engine, configured with
     * {@code properties} in its own environment (the shared parent's environment stays untouched).
     */
    private AnnotationConfigApplicationContext child(String... properties) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String property : properties) {
            int eq = property.indexOf('=');
            values.put(property.substring(0, eq), property.substring(eq + 1));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.setEnvironment(environment);
        context.setParent(application);
        // merging the parent's environment brought its binder view along; point it at this environment's sources
        ConfigurationPropertySources.attach(environment);
        context.register(PlannerConfiguration.class, ConversationService.class);
        context.refresh();
        return context;
    }

    @Test
    void withNoProviderTheRulePlannerAnswers() {
        assertThat(application.getBean(Planner.class)).isInstanceOf(RulePlanner.class);
        assertThat(application.getBeansOfType(LlmPlanner.class)).isEmpty();
        ChatReply reply = conversations.handle(new ChatTurn("test", Optional.empty(), Optional.empty(), "hello"));
        assertThat(conversations.session(reply.sessionId()).orElseThrow().turns().getFirst().planner()).isEqualTo("rules");

        try (var context = child("echotune.llm.openai.api-key=", "echotune.llm.gemini.api-key=")) {
            assertThat(context.getBeansOfType(LlmPlanner.class)).isEmpty();
            assertThat(context.getBean(ConversationService.class)).isNotNull();
        }
    }

    @Test
    void aConfiguredOpenAiCompatibleServerMakesTheLlmPlannerTheEnginesPlanner() {
        try (FakeModelServer server = new FakeModelServer()) {
            server.json(text("Hey! Tell me a mood or an artist."));
            try (var context = child(
                    "echotune.llm.openai.base-url=" + server.url("/v1"),
                    "echotune.llm.openai.model=llama3.1",
                    "echotune.llm.timeout=5s",
                    "echotune.llm.streaming=false")) {
                assertThat(context.getBeansOfType(LlmPlanner.class)).hasSize(1);
                ConversationService engine = context.getBean(ConversationService.class);
                ChatReply reply = engine.handle(new ChatTurn("test", Optional.empty(), Optional.empty(), "hi there"));
                assertThat(reply.text()).isEqualTo("Hey! Tell me a mood or an artist.");
                assertThat(context.getBean(ChatSessions.class).find(reply.sessionId()).orElseThrow()
                        .turns().getFirst().planner()).isEqualTo("openai");
            }
            assertThat(server.received()).hasSize(1);
            assertThat(server.received().getFirst().body().get("model").asText()).isEqualTo("llama3.1");
            // no key configured: a local server gets a placeholder, never an empty bearer
            assertThat(server.received().getFirst().authorization()).isEqualTo("Bearer " + LanguageModels.NO_KEY);
        }
    }

    @Test
    void anUnknownProviderStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> child("echotune.llm.provider=claude"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("echotune.llm.provider must be");
        assertThat(application.getEnvironment().getProperty("echotune.llm.provider")).isNull();
    }
}

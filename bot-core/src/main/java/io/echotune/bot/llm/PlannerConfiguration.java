package io.echotune.bot.llm;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import io.echotune.bot.planner.Planner;
import io.echotune.bot.planner.RulePlanner;
import io.echotune.bot.sessions.ChatSessions;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.tools.MusicTools;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Chooses the planner: with a language model configured ({@code echotune.llm.*}) the {@link LlmPlanner} is the
 * {@link Planner} the conversation engine gets, with the RulePlanner as its fallback; otherwise the RulePlanner
 * (always a bean) is the only planner.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
public class PlannerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlannerConfiguration.class);

    @Bean
    @Primary
    @Conditional(LanguageModelConfigured.class)
    public LlmPlanner llmPlanner(LlmProperties properties, MusicTools tools, Catalog catalog, RulePlanner rules, ChatSessions sessions,
                                 ObjectProvider<MeterRegistry> meters) {
        LanguageModels models = LanguageModels.from(properties, provider -> meters.stream()
                .<ChatModelListener>map(registry -> new LlmMetrics(registry, provider)).toList()).orElseThrow();
        log.info("Planner: language model '{}' with the RulePlanner as fallback", models.provider());
        return new LlmPlanner(models, properties, tools, catalog, rules, sessions);
    }

    /** True when {@code echotune.llm.*} names a provider (explicitly or by its settings). */
    static final class LanguageModelConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("echotune.llm", LlmProperties.class)
                    .map(p -> p.selectedProvider().isPresent())
                    .orElse(false);
        }
    }
}

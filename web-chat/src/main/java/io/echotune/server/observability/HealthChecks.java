package io.echotune.server.observability;

import io.echotune.bot.limits.RateLimiter;
import io.echotune.bot.planner.Planner;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Health of what EchoTune depends on besides MongoDB (Spring's own {@code mongo} check, part of readiness): Redis,
 * the language model, Spotify, Telegram and Discord. All of them are optional, so a failing one is DEGRADED (the
 * server answers, with less) rather than DOWN, and none is part of readiness. The provider checks say what is
 * configured; they do not call the providers, which would cost quota on every probe.
 */
@Configuration(proxyBeanMethods = false)
public class HealthChecks {

    /** Serving, with a dependency missing; answered with HTTP 200 (management.endpoint.health.status.http-mapping). */
    public static final Status DEGRADED = new Status("DEGRADED");

    /**
     * MongoDB answers a {@code ping}. Replaces Spring's check, whose {@code hello} command the embedded
     * mongo-java-server does not know; {@code ping} works on MongoDB, Atlas and the embedded server alike.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return () -> {
            try {
                mongo.executeCommand(new Document("ping", 1));
                return Health.up().build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Bean
    HealthIndicator redisHealthIndicator(RateLimiter limiter) {
        return () -> limiter.redisReachable()
                .map(up -> up
                        ? Health.up().withDetail("rateLimits", "shared").build()
                        : Health.status(DEGRADED).withDetail("rateLimits", "per instance until Redis answers").build())
                .orElseGet(() -> Health.up().withDetail("configured", false).withDetail("rateLimits", "in process").build());
    }

    @Bean
    HealthIndicator llmHealthIndicator(Planner planner) {
        return () -> Health.up().withDetail("planner", planner.name()).build();
    }

    @Bean
    HealthIndicator spotifyHealthIndicator(Environment env) {
        return configured(env, "echotune.spotify.client-id");
    }

    @Bean
    HealthIndicator telegramHealthIndicator(Environment env) {
        return configured(env, "echotune.telegram.token");
    }

    @Bean
    HealthIndicator discordHealthIndicator(Environment env) {
        return configured(env, "echotune.discord.token");
    }

    private static HealthIndicator configured(Environment env, String property) {
        boolean on = !env.getProperty(property, "").isBlank();
        return () -> Health.up().withDetail("configured", on).build();
    }
}

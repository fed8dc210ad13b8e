package io.echotune.music.cache;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.Optional;

/**
 * True when a Redis URL is configured ({@code REDIS_URL} or {@code spring.data.redis.url}). Redis beans hang on this,
 * not on the classpath: with the zero-keys default nothing may connect to (or report the health of) a Redis that does
 * not exist.
 */
public final class RedisConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return url(context.getEnvironment()).isPresent();
    }

    static Optional<String> url(org.springframework.core.env.Environment env) {
        for (String name : new String[]{"spring.data.redis.url", "REDIS_URL"}) {
            String value = env.getProperty(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }
}

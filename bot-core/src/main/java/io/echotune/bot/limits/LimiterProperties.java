package io.echotune.bot.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Optional;

/**
 * Where rate-limit buckets live.
 *
 * @param redisUrl      {@code REDIS_URL} ({@code redis://host:port}, {@code rediss://…} for TLS): buckets are shared by
 *                      every instance through this Redis; blank = each instance keeps its own, in process
 * @param redisTimeout  longest a limit check waits for Redis before deciding in process instead
 * @param retryRedisAfter after Redis failed, how long checks stay in process before Redis is tried again
 */
@ConfigurationProperties("echotune.limiter")
public record LimiterProperties(
        String redisUrl,
        @DefaultValue("250ms") Duration redisTimeout,
        @DefaultValue("2s") Duration retryRedisAfter) {

    public Optional<String> redis() {
        return redisUrl == null || redisUrl.isBlank() ? Optional.empty() : Optional.of(redisUrl.strip());
    }
}

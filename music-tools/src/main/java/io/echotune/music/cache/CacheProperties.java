package io.echotune.music.cache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The cache's limits ({@code echotune.cache}). Redis itself is switched on by {@code REDIS_URL} (see
 * {@link RedisConfigured}).
 *
 * @param l1MaxEntries    entries kept in each instance's memory
 * @param ttl             how long an entry lives in L1 and in Redis; bounds how stale a value can get when something
 *                        other than feedback (e.g. a Spotify history import) changes what it was computed from
 * @param redisTimeout    longest wait for one Redis command; a cache must never make a reply slow
 * @param retryRedisAfter after a Redis failure, how long to serve from L1 alone before trying Redis again
 */
@ConfigurationProperties("echotune.cache")
public record CacheProperties(@DefaultValue("10000") long l1MaxEntries, @DefaultValue("10m") Duration ttl,
                              @DefaultValue("500ms") Duration redisTimeout, @DefaultValue("10s") Duration retryRedisAfter) {
}

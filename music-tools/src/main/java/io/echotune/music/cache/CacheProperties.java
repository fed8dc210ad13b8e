package io.echotune.music.cache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * The cache's limits ({@code echotune.cache}). Redis itself is switched on by {@code REDIS_URL} (see
 * {@link RedisConfigured}).
 *
 * @param l1MaxSize       memory for entries in each instance, estimated from their text (a cached taste can hold
 *                        hundreds of tracks, a cached list of picks ten)
 * @param ttl             how long an entry lives in L1 and in Redis; bounds how stale a value can get when something
 *                        other than feedback (e.g. a Spotify history import) changes what it was computed from
 * @param redisTimeout    longest wait for one Redis command; a cache must never make a reply slow
 * @param retryRedisAfter after a Redis failure, how long to serve from L1 alone before trying Redis again
 */
@ConfigurationProperties("echotune.cache")
public record CacheProperties(@DefaultValue("32MB") DataSize l1MaxSize, @DefaultValue("10m") Duration ttl,
                              @DefaultValue("500ms") Duration redisTimeout, @DefaultValue("10s") Duration retryRedisAfter) {
}

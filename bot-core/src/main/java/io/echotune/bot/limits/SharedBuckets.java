package io.echotune.bot.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets kept in Redis (Bucket4j's compare-and-swap over Lettuce), so N instances enforce one limit.
 * Redis is never allowed to take the service down: a check that cannot reach it within the timeout answers
 * empty and the caller decides in process; for a short while after a failure Redis is not asked at all (so an
 * outage costs no timeout per request), then it is tried again and used as soon as it answers.
 */
final class SharedBuckets implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);
    private static final String KEY_PREFIX = "echotune:limit:";

    private final ClientResources resources;
    private final RedisClient client;
    private final Duration timeout;
    private final Duration retryAfter;
    private final Clock clock;
    private final Object connectLock = new Object();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;
    private volatile Instant skipUntil = Instant.MIN;
    private volatile boolean up;

    SharedBuckets(String url, Duration timeout, Duration retryAfter, Clock clock) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        // reconnect attempts at most 2 s apart, so limits are shared again soon after Redis is back
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        // reject commands at once while disconnected (instead of queueing them until the timeout), reconnect in the background
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(timeout.multipliedBy(2)).build())
                .build());
        this.timeout = timeout;
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    /** Takes one token from the shared bucket; empty when Redis cannot answer now. */
    Optional<ConsumptionProbe> tryConsume(RateLimit limit, String subject, BucketConfiguration configuration) {
        if (clock.instant().isBefore(skipUntil)) {
            return Optional.empty();
        }
        try {
            ProxyManager<String> manager = manager();
            ConsumptionProbe probe = manager.builder()
                    .build(KEY_PREFIX + limit.name() + ":" + subject, () -> configuration)
                    .tryConsumeAndReturnRemaining(1);
            if (!up) {
                up = true;
                log.info("Rate limits are shared through Redis again");
            }
            return Optional.of(probe);
        } catch (RuntimeException e) {
            skipUntil = clock.instant().plus(retryAfter);
            if (up || connection == null) {
                log.warn("Redis is unreachable for rate limits ({}); limits are per instance until it answers again", e.toString());
            }
            up = false;
            return Optional.empty();
        }
    }

    /** Whether the last check reached Redis. */
    boolean up() {
        return up;
    }

    /** One PING within the timeout; for health checks. */
    boolean ping() {
        try {
            manager();
            return "PONG".equals(connection.sync().ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private ProxyManager<String> manager() {
        ProxyManager<String> current = buckets;
        if (current != null) {
            return current;
        }
        synchronized (connectLock) {
            if (buckets == null) {
                // throws while Redis is down at start-up; the caller falls back and tries again later
                connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                buckets = Bucket4jLettuce.casBasedBuilder(connection)
                        // a key lives only as long as its bucket needs to refill: Redis keeps no state for idle people
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                        .requestTimeout(timeout)
                        .build();
            }
            return buckets;
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}

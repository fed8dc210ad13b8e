package io.echotune.bot.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Rate limits for every entry point (REST, WebSocket, chat platforms): one token bucket per limit and subject.
 * With {@code REDIS_URL} set the buckets live in Redis and all instances share them; without it, or while Redis
 * does not answer, each instance enforces the limit with its own in-process bucket.
 */
public class RateLimiter implements AutoCloseable {

    /** Past this many remembered subjects the in-process map is cleared: a forgotten bucket only means a full one. */
    private static final int MAX_TRACKED = 100_000;

    private final Optional<SharedBuckets> shared;
    private final ConcurrentMap<String, Bucket> local = new ConcurrentHashMap<>();

    RateLimiter(Optional<SharedBuckets> shared) {
        this.shared = shared;
    }

    /** A limiter that keeps every bucket in this process. */
    public static RateLimiter inProcess() {
        return new RateLimiter(Optional.empty());
    }

    /** Takes one action of {@code subject} against {@code limit}. */
    public Verdict take(RateLimit limit, String subject) {
        BucketConfiguration configuration = configuration(limit);
        Optional<ConsumptionProbe> remote = shared.flatMap(s -> s.tryConsume(limit, subject, configuration));
        if (remote.isPresent()) {
            return verdict(remote.get(), true);
        }
        if (local.size() > MAX_TRACKED) {
            local.clear();
        }
        Bucket bucket = local.computeIfAbsent(limit.name() + ":" + subject,
                k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
        return verdict(bucket.tryConsumeAndReturnRemaining(1), false);
    }

    /** Whether buckets are shared through Redis right now (false: configured off, or Redis is not answering). */
    public boolean sharedNow() {
        return shared.map(SharedBuckets::up).orElse(false);
    }

    /** Whether a Redis is configured for the buckets at all. */
    public boolean redisConfigured() {
        return shared.isPresent();
    }

    /** A live check of the Redis behind the buckets; empty when none is configured. */
    public Optional<Boolean> redisReachable() {
        return shared.map(SharedBuckets::ping);
    }

    private static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst()).refillGreedy(limit.capacity(), limit.period()).build())
                .build();
    }

    private static Verdict verdict(ConsumptionProbe probe, boolean shared) {
        return probe.isConsumed()
                ? new Verdict(true, probe.getRemainingTokens(), Duration.ZERO, shared)
                : new Verdict(false, 0, Duration.ofNanos(probe.getNanosToWaitForRefill()), shared);
    }

    @Override
    public void close() {
        shared.ifPresent(SharedBuckets::close);
    }
}

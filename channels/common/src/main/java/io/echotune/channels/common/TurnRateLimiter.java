package io.echotune.channels.common;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-person message limit (token bucket, Bucket4j, in process). One bucket per platform user, so a person
 * flooding one chat cannot starve everyone else of the conversation engine.
 */
@Component
public class TurnRateLimiter {

    /** Past this many remembered people the map is simply cleared: a forgotten bucket only means a fresh, full one. */
    private static final int MAX_TRACKED = 100_000;

    private final ChannelsProperties properties;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TurnRateLimiter(ChannelsProperties properties) {
        this.properties = properties;
    }

    /** Takes one turn for {@code person}; empty if allowed, else how long until the next one is. */
    public Optional<Duration> tryTake(String person) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(person, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(properties.burst())
                        .refillGreedy(properties.turnsPerMinute(), Duration.ofMinutes(1)).build())
                .build();
    }
}

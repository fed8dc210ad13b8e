package io.echotune.channels.common;

import io.echotune.bot.limits.RateLimit;
import io.echotune.bot.limits.RateLimiter;
import io.echotune.bot.limits.Verdict;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-person message limit on the chat platforms: one token bucket per platform user, so a person flooding one chat
 * cannot starve everyone else of the conversation engine. The buckets are the process's {@link RateLimiter}'s, so with
 * {@code REDIS_URL} set every instance draws on the same bucket: with Telegram webhooks any instance may receive a
 * person's next message, and a per-process bucket would let them send N times the limit to N instances.
 */
@Component
public class TurnRateLimiter {

    private final RateLimiter limiter;
    private final RateLimit limit;

    public TurnRateLimiter(RateLimiter limiter, ChannelsProperties properties) {
        this.limiter = limiter;
        this.limit = new RateLimit("channel-turns", properties.turnsPerMinute(), Duration.ofMinutes(1), properties.burst());
    }

    /** Takes one turn for {@code person}; empty if allowed, else how long until the next one is. */
    public Optional<Duration> tryTake(String person) {
        Verdict verdict = limiter.take(limit, person);
        return verdict.allowed() ? Optional.empty() : Optional.of(verdict.retryAfter());
    }
}

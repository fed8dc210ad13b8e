package io.echotune.bot.limits;

import java.time.Duration;

/**
 * The answer to one {@link RateLimiter#take} call.
 *
 * @param allowed    whether the action may go ahead (a token was taken)
 * @param remaining  tokens left after this one (0 when refused)
 * @param retryAfter when refused, how long until one token is back; zero when allowed
 * @param shared     whether the decision came from the bucket shared through Redis (false: this instance's own)
 */
public record Verdict(boolean allowed, long remaining, Duration retryAfter, boolean shared) {

    /** Whole seconds to wait, rounded up and at least 1, as an HTTP {@code Retry-After} header wants it. */
    public long retryAfterSeconds() {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}

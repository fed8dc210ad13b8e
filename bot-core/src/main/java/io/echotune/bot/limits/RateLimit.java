package io.echotune.bot.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * One named limit: at most {@code capacity} actions per {@code period} for one subject (a person, a client), as a
 * token bucket that refills smoothly: a burst of {@code burst} actions (by default the capacity) is allowed, then one
 * action per {@code period / capacity}.
 *
 * @param name     what is limited ("chat", "search"); part of the shared bucket's key, so two limits never mix
 * @param capacity actions per period, at least 1
 * @param period   the window the capacity applies to
 * @param burst    how many actions may come at once after a quiet spell, at least 1
 */
public record RateLimit(String name, long capacity, Duration period, long burst) {

    public RateLimit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(period, "period");
        if (name.isBlank() || capacity < 1 || burst < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("A rate limit needs a name, a capacity and burst of at least 1 and a positive period: "
                    + name + " " + capacity + "/" + period + " burst " + burst);
        }
    }

    /** A limit whose burst is its whole capacity. */
    public RateLimit(String name, long capacity, Duration period) {
        this(name, capacity, period, capacity);
    }

    public static RateLimit perMinute(String name, long capacity) {
        return new RateLimit(name, capacity, Duration.ofMinutes(1));
    }

    /** "30 per minute", for messages a person reads. */
    public String describe() {
        if (period.equals(Duration.ofMinutes(1))) return capacity + " per minute";
        if (period.equals(Duration.ofSeconds(1))) return capacity + " per second";
        if (period.equals(Duration.ofHours(1))) return capacity + " per hour";
        return capacity + " per " + period.toSeconds() + " seconds";
    }
}

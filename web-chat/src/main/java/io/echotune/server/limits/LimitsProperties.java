package io.echotune.server.limits;

import io.echotune.bot.limits.RateLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-person limits of the web API ({@code echotune.limits.*}), each "so many per minute" with a burst of the same
 * size. A person is their visitor token when they send one, else their address.
 *
 * @param enabled          {@code ECHOTUNE_RATE_LIMITS_ENABLED}; off only for load tests from one machine
 * @param chatPerMinute    chat turns, REST and WebSocket together ({@code ECHOTUNE_LIMIT_CHAT_PER_MINUTE})
 * @param searchPerMinute  catalog searches ({@code ECHOTUNE_LIMIT_SEARCH_PER_MINUTE})
 * @param visitorsPerMinute new visitor tokens per address ({@code ECHOTUNE_LIMIT_VISITORS_PER_MINUTE})
 * @param apiPerMinute     every other API call, WebSocket connection and MCP request ({@code ECHOTUNE_LIMIT_API_PER_MINUTE})
 */
@ConfigurationProperties("echotune.limits")
public record LimitsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30") int chatPerMinute,
        @DefaultValue("120") int searchPerMinute,
        @DefaultValue("20") int visitorsPerMinute,
        @DefaultValue("300") int apiPerMinute) {

    public RateLimit chat() {
        return RateLimit.perMinute("chat", chatPerMinute);
    }

    public RateLimit search() {
        return RateLimit.perMinute("search", searchPerMinute);
    }

    public RateLimit visitors() {
        return RateLimit.perMinute("visitors", visitorsPerMinute);
    }

    public RateLimit api() {
        return RateLimit.perMinute("api", apiPerMinute);
    }
}

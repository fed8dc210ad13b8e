package io.echotune.channels.common;

import io.echotune.bot.limits.LimiterConfiguration;
import io.echotune.bot.limits.LimiterProperties;
import io.echotune.bot.limits.RateLimiter;
import io.echotune.music.cache.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat-platform message limit per person, in process and shared by two instances through a real redis-server. */
class TurnRateLimiterTest {

    private static final ChannelsProperties THREE_AT_ONCE = new ChannelsProperties(6, 3);

    private static RateLimiter limiter(String redisUrl) {
        return new LimiterConfiguration().rateLimiter(new LimiterProperties(redisUrl, Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    @Test
    void aPersonGetsTheBurstThenAWaitOfAboutOneRefillWhileOthersAreUnaffected() {
        try (RateLimiter inProcess = limiter(null)) {
            TurnRateLimiter turns = new TurnRateLimiter(inProcess, THREE_AT_ONCE);
            for (int i = 0; i < 3; i++) {
                assertThat(turns.tryTake("telegram:1")).isEmpty();
            }
            Optional<Duration> wait = turns.tryTake("telegram:1");
            // 6 per minute refills one turn every 10 s
            assertThat(wait).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10)));
            assertThat(turns.tryTake("telegram:2")).isEmpty();
            assertThat(turns.tryTake("discord:1")).isEmpty();
        }
    }

    @Test
    void twoInstancesOnOneRedisShareEachPersonsBucket(@TempDir Path dir) throws Exception {
        try (RedisServer redis = new RedisServer(dir);
             RateLimiter first = limiter(redis.url());
             RateLimiter second = limiter(redis.url())) {
            TurnRateLimiter a = new TurnRateLimiter(first, THREE_AT_ONCE);
            TurnRateLimiter b = new TurnRateLimiter(second, THREE_AT_ONCE);
            // a person's messages reach either instance (Telegram webhooks behind a load balancer)
            assertThat(a.tryTake("telegram:7")).isEmpty();
            assertThat(b.tryTake("telegram:7")).isEmpty();
            assertThat(a.tryTake("telegram:7")).isEmpty();
            assertThat(b.tryTake("telegram:7")).isPresent();
            assertThat(a.tryTake("telegram:7")).isPresent();
            assertThat(first.sharedNow()).isTrue();
            assertThat(second.sharedNow()).isTrue();
        }
    }
}

package io.echotune.server.faults;

import io.echotune.bot.limits.RateLimiter;
import io.echotune.music.cache.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances share their rate limits through one Redis, so a person gets one allowance however requests are
 * spread; Redis goes down: both keep serving, each enforcing the limit in process (health says DEGRADED, still
 * 200); Redis comes back: the limits are shared again without a restart.
 */
class RedisOutageTest {

    static final int LIMIT = 4;

    @TempDir
    static Path dir;
    static RedisServer redis;
    static Instance one;
    static Instance two;

    @BeforeAll
    static void start() throws Exception {
        redis = new RedisServer(dir);
        one = Instance.start("REDIS_URL=" + redis.url(), "ECHOTUNE_DATA_DIR=" + dir.resolve("one"), "echotune.limits.search-per-minute=" + LIMIT);
        two = Instance.start("REDIS_URL=" + redis.url(), "ECHOTUNE_DATA_DIR=" + dir.resolve("two"), "echotune.limits.search-per-minute=" + LIMIT);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{two, one, redis}) {
            if (c != null) c.close();
        }
    }

    private static int search(Instance instance, String client) {
        return instance.http().get("/api/tracks/search?q=abba", "X-Forwarded-For", client).status();
    }

    @Test
    void limitsAreSharedFallBackToEachInstanceDuringAnOutageAndAreSharedAgainAfter() throws Exception {
        // shared: 4 searches spread over both instances use up one allowance
        for (int i = 0; i < LIMIT; i++) {
            assertThat(search(i % 2 == 0 ? one : two, "203.0.113.1")).isEqualTo(200);
        }
        assertThat(search(one, "203.0.113.1")).isEqualTo(429);
        assertThat(search(two, "203.0.113.1")).isEqualTo(429);
        assertThat(one.bean(RateLimiter.class).sharedNow()).isTrue();

        redis.stop();
        // still serving, limits per instance: each instance gives the client its own allowance
        for (int i = 0; i < LIMIT; i++) {
            assertThat(search(one, "203.0.113.2")).as("instance one, search %d during the outage", i).isEqualTo(200);
        }
        assertThat(search(one, "203.0.113.2")).isEqualTo(429);
        assertThat(search(two, "203.0.113.2")).isEqualTo(200);
        assertThat(one.bean(RateLimiter.class).sharedNow()).isFalse();
        Http.Response health = one.http().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("components").get("redis").get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.json().get("status").asText()).isEqualTo("DEGRADED");

        redis.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(search(one, "198.51.100.99") == 200 && one.bean(RateLimiter.class).sharedNow()
                && search(two, "198.51.100.99") == 200 && two.bean(RateLimiter.class).sharedNow())) {
            assertThat(System.nanoTime()).as("limits shared again within 30 s of Redis returning").isLessThan(deadline);
            Thread.sleep(250);
        }
        for (int i = 0; i < LIMIT; i++) {
            assertThat(search(i % 2 == 0 ? two : one, "203.0.113.3")).isEqualTo(200);
        }
        assertThat(search(one, "203.0.113.3")).isEqualTo(429);
        assertThat(one.http().get("/actuator/health").json().get("components").get("redis").get("status").asText()).isEqualTo("UP");
    }
}

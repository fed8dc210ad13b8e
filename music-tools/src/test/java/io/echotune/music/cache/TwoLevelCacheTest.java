package io.echotune.music.cache;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache against a real redis-server: two "instances" (two caches, one Redis) share L2 and invalidations. */
class TwoLevelCacheTest {

    @TempDir
    static Path dir;
    static RedisServer redis;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = new RedisServer(dir);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    private static TwoLevelCache instance(SharedRedis shared) {
        return new TwoLevelCache(1_000_000, Duration.ofMinutes(5), Optional.of(shared), Duration.ofSeconds(10));
    }

    @Test
    void anEntryPutByOneInstanceIsServedToAnotherFromRedis() {
        try (SharedRedis a = new SharedRedis(redis.url(), Duration.ofSeconds(2)); SharedRedis b = new SharedRedis(redis.url(), Duration.ofSeconds(2))) {
            TwoLevelCache one = instance(a);
            TwoLevelCache two = instance(b);
            one.put("recs", "u1", "k", "value-1");
            assertThat(two.get("recs", "u1", "k")).contains("value-1");
            assertThat(two.stats("recs").l2Hits()).isEqualTo(1);
            assertThat(two.get("recs", "u1", "k")).contains("value-1");
            assertThat(two.stats("recs").l1Hits()).as("then from its own memory").isEqualTo(1);
            assertThat(a.commands().pttl("echotune:recs:u1:0:k")).as("stored with the TTL").isBetween(1L, 300_000L);
        }
    }

    @Test
    void invalidatingAUserOnOneInstanceHidesTheirEntriesOnEveryInstanceButNotOtherUsers() {
        try (SharedRedis a = new SharedRedis(redis.url(), Duration.ofSeconds(2)); SharedRedis b = new SharedRedis(redis.url(), Duration.ofSeconds(2))) {
            TwoLevelCache one = instance(a);
            TwoLevelCache two = instance(b);
            one.put("recs", "u2", "k", "old");
            one.put("recs", "u3", "k", "theirs");
            assertThat(one.get("recs", "u2", "k")).contains("old"); // now in one's L1 too

            two.invalidate("recs", "u2");

            assertThat(one.get("recs", "u2", "k")).as("one's L1 copy is unreachable").isEmpty();
            assertThat(two.get("recs", "u2", "k")).isEmpty();
            assertThat(one.get("recs", "u3", "k")).contains("theirs");
            one.put("recs", "u2", "k", "new");
            assertThat(two.get("recs", "u2", "k")).contains("new");
        }
    }

    @Test
    void aValueComputedWhileTheUserWasInvalidatedIsNeverServed() {
        try (SharedRedis a = new SharedRedis(redis.url(), Duration.ofSeconds(2)); SharedRedis b = new SharedRedis(redis.url(), Duration.ofSeconds(2))) {
            TwoLevelCache one = instance(a);
            TwoLevelCache two = instance(b);
            TwoLevelCache.Slot slot = one.slot("recs", "u5", "k");
            two.invalidate("recs", "u5"); // feedback on another instance while `one` reads the data behind the value
            slot.put("computed from what was read before the feedback");
            assertThat(one.get("recs", "u5", "k")).isEmpty();
            assertThat(two.get("recs", "u5", "k")).isEmpty();
        }
        TwoLevelCache alone = new TwoLevelCache(1_000_000, Duration.ofMinutes(5), Optional.empty(), Duration.ofSeconds(10));
        TwoLevelCache.Slot slot = alone.slot("recs", "u6", "k");
        alone.invalidate("recs", "u6");
        slot.put("stale");
        assertThat(alone.get("recs", "u6", "k")).isEmpty();
        alone.put("recs", "u6", "k", "fresh");
        assertThat(alone.get("recs", "u6", "k")).contains("fresh");
    }

    @Test
    void memoryIsBoundedByTheSizeOfTheEntriesNotTheirNumber() {
        long bound = 64 * 1024;
        TwoLevelCache cache = new TwoLevelCache(bound, Duration.ofMinutes(5), Optional.empty(), Duration.ofSeconds(10));
        String big = "x".repeat(10_000);
        for (int i = 0; i < 100; i++) {
            cache.put("taste", "user-" + i, "k", big);
        }
        long kept = java.util.stream.IntStream.range(0, 100).filter(i -> cache.get("taste", "user-" + i, "k").isPresent()).count();
        assertThat(kept).as("about 64 KiB of 10 KB entries").isBetween(1L, 7L);
        for (int i = 0; i < 100; i++) {
            cache.put("recs", "small-" + i, "k", "v");
        }
        assertThat(cache.get("recs", "small-99", "k")).contains("v");
    }

    @Test
    void withRedisGoneTheCacheKeepsWorkingFromMemoryWithoutWaiting(@TempDir Path own) throws Exception {
        RedisServer doomed = new RedisServer(own);
        try (SharedRedis shared = new SharedRedis(doomed.url(), Duration.ofMillis(300))) {
            TwoLevelCache cache = instance(shared);
            cache.put("recs", "u4", "k", "v");
            doomed.close();
            long start = System.nanoTime();
            cache.put("recs", "u4", "k2", "v2");
            for (int i = 0; i < 20; i++) {
                assertThat(cache.get("recs", "u4", "k2")).contains("v2");
            }
            cache.invalidate("recs", "u4");
            assertThat(cache.get("recs", "u4", "k2")).isEmpty();
            // one timed-out command at most, then Redis is skipped for retryRedisAfter
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void redisIsConfiguredOnlyByANonBlankUrl() {
        assertThat(RedisConfigured.url(new MockEnvironment())).isEmpty();
        assertThat(RedisConfigured.url(new MockEnvironment().withProperty("REDIS_URL", " "))).isEmpty();
        assertThat(RedisConfigured.url(new MockEnvironment().withProperty("REDIS_URL", "redis://h:1"))).contains("redis://h:1");
        assertThat(RedisConfigured.url(new MockEnvironment().withProperty("spring.data.redis.url", "redis://s:2"))).contains("redis://s:2");
    }
}

package io.echotune.music.recommend;

import io.echotune.music.cache.RedisServer;
import io.echotune.music.cache.SharedRedis;
import io.echotune.music.history.FeedbackKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The serving path with Redis as L2 (a real redis-server): picks are stored there, feedback invalidates them. */
class RedisServingTest {

    @Test
    void picksAreCachedInRedisAndFeedbackInvalidatesThem(@TempDir Path dir) throws Exception {
        try (RedisServer redis = new RedisServer(dir);
             SharedRedis shared = new SharedRedis(redis.url(), Duration.ofSeconds(2));
             ServingFixture fixture = new ServingFixture(ServingFixture.properties(50), Optional.of(shared))) {
            // picks are cached for listeners with a taste (without one, the request alone decides: see Recommendations)
            fixture.history.record("me", fixture.catalog.all().getFirst().id(), FeedbackKind.LIKE, "test");
            var first = fixture.recommendations.recommend("me", RecommendRequest.ofCount(5));
            assertThat(shared.commands().keys("echotune:recommendations:me:0:*")).hasSize(1);
            String stored = shared.commands().get(shared.commands().keys("echotune:recommendations:me:0:*").getFirst());
            assertThat(stored).contains("\"algorithm\":\"content-v1\"").contains(first.getFirst().track().id());

            fixture.recommendations.feedbackRecorded("me");
            assertThat(shared.commands().get("echotune:recommendations:generation:me")).isEqualTo("1");
            fixture.recommendations.recommend("me", RecommendRequest.ofCount(5));
            assertThat(shared.commands().keys("echotune:recommendations:me:1:*")).hasSize(1);
            assertThat(fixture.cache.stats(Recommendations.CACHE_NAMESPACE)).satisfies(s -> {
                assertThat(s.redis()).isTrue();
                assertThat(s.misses()).isEqualTo(2);
            });
        }
    }
}

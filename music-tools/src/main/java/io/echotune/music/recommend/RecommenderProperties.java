package io.echotune.music.recommend;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the collaborative models are trained ({@code echotune.recommender}).
 *
 * @param retrainInterval       time between scheduled background retrainings
 * @param retrainAfterFeedback  new likes/dislikes that trigger a retraining before the schedule does
 * @param minUsers              users with feedback needed before collaborative filtering is worth training
 * @param minEvents             (user, track) pairs needed likewise; below either the recommender stays content-based
 * @param factors               ALS latent factors
 * @param iterations            ALS sweeps
 * @param neighbours            item-kNN neighbours kept per track
 * @param threads               training threads; 1 keeps a core free for chat on small machines
 * @param adminToken            bearer token for {@code POST /api/admin/recommender/retrain}; blank = loopback callers only
 */
@ConfigurationProperties("echotune.recommender")
public record RecommenderProperties(
        @DefaultValue("1h") Duration retrainInterval,
        @DefaultValue("50") int retrainAfterFeedback,
        @DefaultValue("3") int minUsers,
        @DefaultValue("10") int minEvents,
        @DefaultValue("32") int factors,
        @DefaultValue("10") int iterations,
        @DefaultValue("100") int neighbours,
        @DefaultValue("1") int threads,
        @DefaultValue("") String adminToken) {
}

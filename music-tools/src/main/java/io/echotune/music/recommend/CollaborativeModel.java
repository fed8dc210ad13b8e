package io.echotune.music.recommend;

import io.echotune.recommender.hybrid.HybridRecommender;

import java.time.Instant;

/**
 * The collaborative half of the recommender, trained from every user's {@code listening_history}: ALS and item-kNN
 * blended with in-app popularity by the recommender module's {@link HybridRecommender}.
 *
 * @param version  increases with every successful training in this process; part of cache keys and of
 *                 {@code algorithm_version}
 */
public record CollaborativeModel(HybridRecommender recommender, long version, Instant trainedAt, int users, int tracks,
                                 int events) {

    public String algorithmVersion() {
        return "hybrid-v1+cf" + version;
    }
}

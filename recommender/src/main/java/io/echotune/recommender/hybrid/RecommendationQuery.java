package io.echotune.recommender.hybrid;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A request for recommendations.
 *
 * @param userId          the listener, if known; an unknown or absent id is a cold start
 * @param seedItemIds     items named in this request ("something like X"); they steer the result
 * @param dislikedItemIds items disliked in this session, in addition to stored dislikes
 * @param targetVector    a target in the content model's raw feature units (a mood or genre), optional
 * @param excludedItemIds items that must not be returned
 * @param candidateFilter only items whose id passes are returned (e.g. "only tracks in the catalog")
 * @param count           how many to return
 * @param diversity       0 = pure relevance; up to 1 = maximal marginal relevance favours variety
 * @param includeKnown    whether items the user already played may be returned
 */
public record RecommendationQuery(Optional<String> userId, List<String> seedItemIds, List<String> dislikedItemIds,
                                  Optional<float[]> targetVector, Set<String> excludedItemIds,
                                  Optional<Predicate<String>> candidateFilter, int count, double diversity,
                                  boolean includeKnown) {

    public RecommendationQuery {
        seedItemIds = List.copyOf(seedItemIds);
        dislikedItemIds = List.copyOf(dislikedItemIds);
        excludedItemIds = Set.copyOf(excludedItemIds);
        if (count < 1 || count > 10_000) {
            throw new IllegalArgumentException("count must be between 1 and 10000, got " + count);
        }
        if (!(diversity >= 0 && diversity <= 1)) {
            throw new IllegalArgumentException("diversity must be between 0 and 1, got " + diversity);
        }
    }

    public static Builder forUser(String userId) {
        return new Builder().user(userId);
    }

    public static Builder anonymous() {
        return new Builder();
    }

    public static final class Builder {
        private String userId;
        private List<String> seeds = List.of();
        private List<String> dislikes = List.of();
        private float[] target;
        private Set<String> excluded = Set.of();
        private Predicate<String> filter;
        private int count = 10;
        private double diversity;
        private boolean includeKnown;

        public Builder user(String id) {
            this.userId = id;
            return this;
        }

        public Builder seeds(List<String> ids) {
            this.seeds = ids;
            return this;
        }

        public Builder dislikes(List<String> ids) {
            this.dislikes = ids;
            return this;
        }

        public Builder target(float[] vector) {
            this.target = vector;
            return this;
        }

        public Builder exclude(Set<String> ids) {
            this.excluded = ids;
            return this;
        }

        public Builder filter(Predicate<String> accept) {
            this.filter = accept;
            return this;
        }

        public Builder count(int n) {
            this.count = n;
            return this;
        }

        public Builder diversity(double lambda) {
            this.diversity = lambda;
            return this;
        }

        public Builder includeKnown(boolean on) {
            this.includeKnown = on;
            return this;
        }

        public RecommendationQuery build() {
            return new RecommendationQuery(Optional.ofNullable(userId), seeds, dislikes, Optional.ofNullable(target),
                    excluded, Optional.ofNullable(filter), count, diversity, includeKnown);
        }
    }
}

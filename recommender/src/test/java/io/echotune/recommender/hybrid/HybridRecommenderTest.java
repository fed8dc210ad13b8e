package io.echotune.recommender.hybrid;

import io.echotune.recommender.cf.AlsConfig;
import io.echotune.recommender.cf.AlsModel;
import io.echotune.recommender.cf.AlsTrainer;
import io.echotune.recommender.cf.EaseConfig;
import io.echotune.recommender.cf.EaseTrainer;
import io.echotune.recommender.cf.ItemKnnConfig;
import io.echotune.recommender.cf.ItemKnnTrainer;
import io.echotune.recommender.content.ContentModel;
import io.echotune.recommender.data.Interactions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class HybridRecommenderTest {

    private static final List<String> GENRES = List.of("folk", "rock", "techno");
    private static final List<String> FEATURES = List.of("folk", "rock", "techno", "acoustic");
    private static final Interactions DATA = feedback();
    private static final ContentModel CONTENT = content();
    private static final AlsModel ALS = new AlsTrainer(AlsConfig.defaults().withFactors(8).withIterations(10)
            .withThreads(2).withAlpha(5)).train(DATA);
    private static final HybridRecommender HYBRID = HybridRecommender.builder()
            .history(DATA)
            .als(ALS)
            .itemKnn(new ItemKnnTrainer(ItemKnnConfig.defaults().withThreads(2)).train(DATA))
            .content(CONTENT)
            .build();

    /** Three genres × 3 sub-styles of 10 items; users of a genre play across its sub-styles. */
    private static Interactions feedback() {
        SplittableRandom r = new SplittableRandom(3);
        Interactions.Builder b = Interactions.builder();
        for (int g = 0; g < 3; g++) {
            for (int u = 0; u < 25; u++) {
                for (int i = 0; i < 30; i++) {
                    if (r.nextDouble() < 0.4) {
                        b.add("u" + g + "-" + u, item(g, i), 1 + r.nextInt(20));
                    }
                }
            }
        }
        return b.build();
    }

    private static String item(int genre, int i) {
        return GENRES.get(genre) + "-" + i;
    }

    private static ContentModel content() {
        ContentModel.Builder b = ContentModel.builder(FEATURES);
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < 30; i++) {
                float[] v = new float[4];
                v[g] = 1f;
                v[(g + 1) % 3] = 0.1f * (i % 3);
                b.add(item(g, i), v);
            }
        }
        // A new release nobody has played yet: only content knows it.
        b.add("new-folk-release", new float[] {1f, 0f, 0f, 1f});
        return b.build();
    }

    @Test
    void knownUserGetsUnplayedItemsOfTheirGenreExplainedByHistory() {
        List<Recommendation> recs = HYBRID.recommend(RecommendationQuery.forUser("u1-0").count(5).build());
        assertThat(recs).hasSize(5);
        int user = DATA.users().indexOf("u1-0");
        for (Recommendation r : recs) {
            assertThat(r.itemId()).startsWith("rock-");
            assertThat(DATA.positives().contains(user, DATA.items().indexOf(r.itemId()))).isFalse();
        }
        Explanation e = recs.get(0).explanation();
        assertThat(e.kind()).isIn(Explanation.Kind.BECAUSE_YOU_PLAYED, Explanation.Kind.MATCHES_FEATURES);
        if (e.kind() == Explanation.Kind.BECAUSE_YOU_PLAYED) {
            assertThat(e.seedItemIds()).isNotEmpty().allSatisfy(id ->
                    assertThat(DATA.positives().contains(user, DATA.items().indexOf(id))).isTrue());
        }
    }

    @Test
    void coldStartUserWithSeedsFollowsTheSeeds() {
        List<Recommendation> recs = HYBRID.recommend(RecommendationQuery.forUser("nobody")
                .seeds(List.of("techno-1", "techno-2")).count(5).build());
        assertThat(recs).extracting(Recommendation::itemId).allMatch(id -> id.startsWith("techno-"))
                .doesNotContain("techno-1", "techno-2");
        assertThat(recs.get(0).explanation().kind()).isEqualTo(Explanation.Kind.SIMILAR_TO_SEEDS);
        assertThat(recs.get(0).explanation().seedItemIds()).isSubsetOf("techno-1", "techno-2");
    }

    @Test
    void coldStartUserWithOnlyATargetGetsMatchingItemsIncludingNewOnes() {
        List<Recommendation> recs = HYBRID.recommend(RecommendationQuery.anonymous()
                .target(new float[] {1f, 0f, 0f, 1f}).count(12).build());
        assertThat(recs).extracting(Recommendation::itemId).allMatch(id -> id.contains("folk"));
        assertThat(recs.get(0).itemId()).isEqualTo("new-folk-release");
        assertThat(recs.get(0).explanation().kind()).isEqualTo(Explanation.Kind.MATCHES_FEATURES);
        assertThat(recs.get(0).explanation().featureNames()).containsExactlyInAnyOrder("folk", "acoustic");
    }

    @Test
    void anonymousQueryWithoutAnySignalFallsBackToPopularity() {
        List<Recommendation> recs = HYBRID.recommend(RecommendationQuery.anonymous().count(3).build());
        assertThat(recs).hasSize(3).allSatisfy(r ->
                assertThat(r.explanation().kind()).isEqualTo(Explanation.Kind.POPULAR));
    }

    @Test
    void respectsExclusionsFiltersAndDislikes() {
        List<Recommendation> recs = HYBRID.recommend(RecommendationQuery.forUser("u0-1")
                .exclude(Set.of("folk-3"))
                .dislikes(List.of("folk-4"))
                .filter(id -> !id.endsWith("7"))
                .count(20).build());
        assertThat(recs).extracting(Recommendation::itemId).doesNotContain("folk-3", "folk-4", "folk-7", "folk-17");
    }

    @Test
    void mmrIncreasesDiversity() {
        RecommendationQuery.Builder q = RecommendationQuery.anonymous().seeds(List.of("rock-0", "rock-1", "rock-2"))
                .target(new float[] {0.5f, 1f, 0.5f, 0f}).count(8);
        List<Recommendation> plain = HYBRID.recommend(q.diversity(0).build());
        List<Recommendation> diverse = HYBRID.recommend(q.diversity(0.7).build());
        assertThat(intraListSimilarity(diverse)).isLessThan(intraListSimilarity(plain));
        // the best item stays first: MMR only reorders what follows
        assertThat(diverse.get(0).itemId()).isEqualTo(plain.get(0).itemId());
    }

    @Test
    void identicalListenersForEveryItemStillGiveAFullRanking() {
        // Every item has the same four listeners: ALS, item-kNN and popularity are all constant.
        Interactions.Builder b = Interactions.builder();
        for (int u = 0; u < 4; u++) {
            for (int i = 0; i < 6; i++) {
                b.add("fan-" + u, "t" + i, 1);
            }
        }
        Interactions same = b.build();
        HybridRecommender flat = HybridRecommender.builder().history(same)
                .als(new AlsTrainer(AlsConfig.defaults().withFactors(4).withThreads(1)).train(same))
                .itemKnn(new ItemKnnTrainer(ItemKnnConfig.defaults().withThreads(1)).train(same))
                .build();
        RecommendationQuery q = RecommendationQuery.forUser("fan-0").seeds(List.of("t1")).includeKnown(true)
                .count(3).build();
        assertThat(flat.scores(q)).hasSize(6);
        assertThat(flat.recommend(RecommendationQuery.forUser("new").count(3).build())).hasSize(3);
    }

    @Test
    void easeAloneServesKnownAndColdStartUsersWithExplanations() {
        HybridRecommender ease = HybridRecommender.builder().history(DATA)
                .ease(new EaseTrainer(EaseConfig.defaults().withMinUsers(1).withRegularization(10).withThreads(1))
                        .train(DATA))
                .content(CONTENT)
                .weights(new HybridWeights(0, 0, 0, 0, 1, 1))
                .build();
        List<Recommendation> known = ease.recommend(RecommendationQuery.forUser("u2-3").count(5).build());
        assertThat(known).hasSize(5).extracting(Recommendation::itemId).allMatch(id -> id.startsWith("techno-"));
        assertThat(known.get(0).explanation().kind()).isEqualTo(Explanation.Kind.BECAUSE_YOU_PLAYED);
        List<Recommendation> cold = ease.recommend(RecommendationQuery.forUser("nobody")
                .seeds(List.of("folk-1", "folk-2")).count(5).build());
        assertThat(cold).extracting(Recommendation::itemId).allMatch(id -> id.startsWith("folk-"));
        assertThat(cold.get(0).explanation().kind()).isEqualTo(Explanation.Kind.SIMILAR_TO_SEEDS);
    }

    private static double intraListSimilarity(List<Recommendation> recs) {
        double sum = 0;
        int n = 0;
        for (int a = 0; a < recs.size(); a++) {
            for (int b = a + 1; b < recs.size(); b++) {
                sum += HYBRID.itemSimilarity(HYBRID.catalogue().indexOf(recs.get(a).itemId()),
                        HYBRID.catalogue().indexOf(recs.get(b).itemId()));
                n++;
            }
        }
        return sum / n;
    }
}

package io.echotune.music.recommend;

import io.echotune.music.catalog.Track;
import io.echotune.music.history.FeedbackKind;
import io.echotune.recommender.retrain.ModelHolder;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hybrid in the serving path: content-only until there is feedback, collaborative once listeners with a shared
 * taste exist, retrained in the background, and a failed training keeps the model that was serving.
 */
class CollaborativeServingTest {

    private final ServingFixture fixture = new ServingFixture(ServingFixture.properties(3), Optional.empty());

    @AfterEach
    void close() {
        fixture.close();
    }

    /** One popular track from each of several genres and artists: a taste audio features alone would not group. */
    private List<Track> crossGenreSet(int offset) {
        Map<String, Track> byArtist = new LinkedHashMap<>();
        for (String genre : List.of("edm", "rock", "latin", "r&b", "rap", "pop")) {
            fixture.catalog.all().stream().filter(t -> t.genre().equals(genre) && t.features().isPresent())
                    .sorted((a, b) -> Integer.compare(b.popularity(), a.popularity()))
                    .skip(offset).filter(t -> !byArtist.containsKey(t.artistLine())).limit(2)
                    .forEach(t -> byArtist.put(t.artistLine(), t));
        }
        return List.copyOf(byArtist.values());
    }

    private void likes(String user, List<Track> tracks) {
        tracks.forEach(t -> fixture.history.record(user, t.id(), FeedbackKind.LIKE, "test"));
    }

    private static long countIn(List<RecommendedTrack> picks, List<Track> set) {
        Set<String> ids = Set.copyOf(set.stream().map(Track::id).toList());
        return picks.stream().filter(p -> ids.contains(p.track().id())).count();
    }

    @Test
    void withoutFeedbackTheRankingIsTheContentOneAndNoModelIsTrained() {
        ModelHolder.Outcome outcome = fixture.models.retrain();
        assertThat(outcome.swapped()).isFalse();
        assertThat(outcome.failure().orElseThrow()).contains("not enough feedback");
        assertThat(fixture.recommender.algorithmVersion()).isEqualTo("content-v1");

        List<RecommendedTrack> served = fixture.recommendations.recommend("someone", RecommendRequest.ofCount(10));
        List<RecommendedTrack> content = new TrackRecommender(fixture.catalog).recommend(RecommendRequest.ofCount(10),
                fixture.history.taste("someone"));
        assertThat(served).extracting(r -> r.track().id()).containsExactlyElementsOf(content.stream().map(r -> r.track().id()).toList());
        // no taste: the request alone decides, so the recommender's kept ranking serves them, not an entry of their own
        assertThat(fixture.recommendations.recommend("someone", RecommendRequest.ofCount(10))).isEqualTo(served);
        assertThat(fixture.cache.stats(Recommendations.CACHE_NAMESPACE).l1Hits()).isZero();
        assertThat(fixture.shown()).hasSize(2).allSatisfy(r -> {
            assertThat(r.algorithmVersion()).isEqualTo("content-v1");
            assertThat(r.items()).hasSize(10).allMatch(i -> i.confidenceScore() > 0 && i.confidenceScore() <= 1);
        });
    }

    @Test
    void whatAPersonAlreadyLikesShapesTheirPicksButIsNotOfferedAgain() {
        Track liked = fixture.catalog.byArtist("Metallica").getFirst();
        likes("metal-fan", List.of(liked));
        // content only (no model yet): the liked track is the closest match to itself
        assertThat(new TrackRecommender(fixture.catalog).recommend(RecommendRequest.ofCount(10), fixture.history.taste("metal-fan")))
                .extracting(r -> r.track().id()).contains(liked.id());

        List<RecommendedTrack> served = fixture.recommendations.recommend("metal-fan", RecommendRequest.ofCount(10));
        assertThat(served).hasSize(10).extracting(r -> r.track().id()).doesNotContain(liked.id());
        assertThat(served.stream().mapToDouble(r -> r.track().features().orElseThrow().energy()).average().orElseThrow())
                .isGreaterThan(0.75);
    }

    @Test
    void listenersWithASharedTasteLiftTheRestOfThatTasteAndSayWhy() {
        List<Track> shared = crossGenreSet(0);
        List<Track> other = crossGenreSet(20);
        for (int u = 0; u < 8; u++) {
            likes("fan-" + u, shared);
            likes("other-" + u, other);
        }
        likes("me", shared.subList(0, 3));
        List<Track> rest = shared.subList(3, shared.size());

        List<RecommendedTrack> contentOnly = new TrackRecommender(fixture.catalog).recommend(RecommendRequest.ofCount(10),
                fixture.history.taste("me"));
        assertThat(fixture.models.retrain().swapped()).isTrue();
        List<RecommendedTrack> hybrid = fixture.recommendations.recommend("me", RecommendRequest.ofCount(10));

        assertThat(countIn(hybrid, rest)).as("shared-taste tracks, hybrid %s vs content %s", hybrid, contentOnly)
                .isGreaterThanOrEqualTo(4).isGreaterThan(countIn(contentOnly, rest) + 2);
        assertThat(countIn(hybrid, other)).isZero();
        assertThat(hybrid.stream().filter(p -> countIn(List.of(p), rest) == 1).map(RecommendedTrack::reason))
                .anyMatch(r -> r.startsWith("because you liked ") || r.startsWith("listeners with your taste"));
        assertThat(fixture.shown()).last().extracting(RecommendationRecord::algorithmVersion).isEqualTo("hybrid-v1+cf1");
    }

    @Test
    void anExplicitMoodStillDecidesWhenTheModelKnowsTheListener() {
        List<Track> shared = crossGenreSet(0);
        for (int u = 0; u < 8; u++) {
            likes("fan-" + u, shared);
        }
        likes("me", shared.subList(0, 3));
        assertThat(fixture.models.retrain().swapped()).isTrue();
        var calm = new RecommendRequest(List.of(), List.of(), List.of(), io.echotune.music.mood.Mood.CALM.targets(),
                List.of("calm"), Optional.empty(), Set.of(), 10);
        List<RecommendedTrack> picks = fixture.recommendations.recommend("me", calm);
        assertThat(picks).hasSize(10);
        assertThat(picks.stream().mapToDouble(p -> p.track().features().orElseThrow().energy()).average().orElseThrow())
                .isLessThan(0.45);
    }

    @Test
    void aFailedTrainingKeepsTheLastGoodModel() {
        List<Track> shared = crossGenreSet(0);
        for (int u = 0; u < 4; u++) {
            likes("fan-" + u, shared);
        }
        assertThat(fixture.models.retrain().swapped()).isTrue();
        CollaborativeModel good = fixture.models.current().orElseThrow();

        // a corrupt document (no kind) makes the next training run fail
        fixture.mongo.getCollection("listening_history").insertOne(new Document("user_id", "x").append("track_id", "y")
                .append("at", new java.util.Date()));
        ModelHolder.Outcome failed = fixture.models.retrain();

        assertThat(failed.swapped()).isFalse();
        assertThat(failed.failure().orElseThrow()).startsWith("training failed");
        assertThat(fixture.models.current()).containsSame(good);
        assertThat(fixture.recommendations.recommend("fan-0", RecommendRequest.ofCount(5))).hasSize(5);
    }

    @Test
    void feedbackInvalidatesTheUsersPicksAndEnoughOfItRetrainsInTheBackground() throws Exception {
        List<Track> shared = crossGenreSet(0);
        for (int u = 0; u < 4; u++) {
            likes("fan-" + u, shared);
        }
        likes("me", List.of(crossGenreSet(2).getFirst())); // a taste of their own: the picks are cached for them
        List<RecommendedTrack> first = fixture.recommendations.recommend("me", RecommendRequest.ofCount(10));
        List<RecommendedTrack> again = fixture.recommendations.recommend("me", RecommendRequest.ofCount(10));
        assertThat(again).isEqualTo(first);
        assertThat(fixture.cache.stats(Recommendations.CACHE_NAMESPACE).l1Hits()).isEqualTo(1);
        assertThat(fixture.shown()).hasSize(2); // a cached answer is still shown, so still recorded

        List<String> disliked = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // retrainAfterFeedback = 3 in this fixture
            String id = first.get(i).track().id();
            fixture.history.record("me", id, FeedbackKind.DISLIKE, "test");
            fixture.recommendations.feedbackRecorded("me");
            disliked.add(id);
        }
        List<RecommendedTrack> after = fixture.recommendations.recommend("me", RecommendRequest.ofCount(10));
        assertThat(after).extracting(r -> r.track().id()).doesNotContainAnyElementsOf(disliked);
        assertThat(fixture.cache.stats(Recommendations.CACHE_NAMESPACE).misses()).isEqualTo(2);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fixture.models.current().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(fixture.models.current()).as("retrained in the background after 3 feedback events").isPresent();
        assertThat(fixture.models.current().orElseThrow().users()).isEqualTo(5);
        assertThat(Duration.between(fixture.models.current().orElseThrow().trainedAt(), java.time.Instant.now())).isLessThan(Duration.ofMinutes(1));
    }
}

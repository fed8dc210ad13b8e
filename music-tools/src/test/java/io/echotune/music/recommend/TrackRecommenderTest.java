package io.echotune.music.recommend;

import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.ShippedCatalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.history.Taste;
import io.echotune.music.mood.Activity;
import io.echotune.music.mood.FeatureTargets;
import io.echotune.music.mood.Mood;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TrackRecommenderTest {

    private final Catalog catalog = ShippedCatalog.get();
    private final TrackRecommender recommender = new TrackRecommender(catalog);
    private static final Taste NO_TASTE = new Taste(Map.of());

    private static RecommendRequest request(List<String> artists, List<String> genres, FeatureTargets targets, int count) {
        return new RecommendRequest(List.of(), artists, genres, targets, List.of(), Optional.empty(), Set.of(), count);
    }

    private static double mean(List<RecommendedTrack> picks, java.util.function.ToDoubleFunction<Track> f) {
        return picks.stream().map(RecommendedTrack::track).mapToDouble(f).average().orElseThrow();
    }

    @Test
    void calmStudyMusicIsQuieterThanWorkoutMusic() {
        var study = recommender.recommend(request(List.of(), List.of(), Activity.STUDY.targets(), 10), NO_TASTE);
        var workout = recommender.recommend(request(List.of(), List.of(), Activity.WORKOUT.targets(), 10), NO_TASTE);
        assertThat(study).hasSize(10);
        double studyEnergy = mean(study, t -> t.features().orElseThrow().energy());
        double workoutEnergy = mean(workout, t -> t.features().orElseThrow().energy());
        assertThat(studyEnergy).isLessThan(0.45);
        assertThat(workoutEnergy).isGreaterThan(0.8);
    }

    @Test
    void sadMusicHasLowerValenceThanHappyMusic() {
        var sad = recommender.recommend(request(List.of(), List.of(), Mood.SAD.targets(), 10), NO_TASTE);
        var happy = recommender.recommend(request(List.of(), List.of(), Mood.HAPPY.targets(), 10), NO_TASTE);
        assertThat(mean(sad, t -> t.features().orElseThrow().valence()))
                .isLessThan(mean(happy, t -> t.features().orElseThrow().valence()) - 0.3);
    }

    @Test
    void genreRequestsOnlyReturnThatGenreIncludingSubgenres() {
        var hipHop = recommender.recommend(request(List.of(), List.of("hip hop"), FeatureTargets.NONE, 10), NO_TASTE);
        assertThat(hipHop).hasSize(10).allMatch(r -> r.track().genres().stream().anyMatch(g -> g.contains("hip hop")));
    }

    @Test
    void aGenreRequestPicksTracksMostlyOfThatGenreNotHitsTaggedWithItOnce() {
        var picks = recommender.recommend(request(List.of(), List.of("hip hop"), FeatureTargets.NONE, 10), NO_TASTE);
        List<Track> withFeatures = catalog.all().stream().filter(t -> t.features().isPresent()).toList();
        float[] share = new SharedPlaylists(withFeatures).genreShare(List.of("hip hop"));
        java.util.Map<String, Float> shareOf = new java.util.HashMap<>();
        for (int i = 0; i < withFeatures.size(); i++) shareOf.put(withFeatures.get(i).id(), share[i]);
        // "Dance Monkey" is in twelve playlists, two of them latin hip hop: popularity alone put it first. Picks should
        // come from playlists filed as hip hop itself, more than from kinds of it that mix in pop ("latin hip hop")
        assertThat(picks).hasSize(10).filteredOn(p -> shareOf.get(p.track().id()) > 0.5f).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void moreLikeAnArtistPicksWhatPeoplePutInPlaylistsWithIt() {
        for (String artist : List.of("Daft Punk", "Metallica", "Norah Jones")) {
            var picks = recommender.recommend(request(List.of(artist), List.of(), FeatureTargets.NONE, 10), NO_TASTE);
            assertThat(picks).hasSize(10);
            assertThat(picks.stream().filter(p -> p.track().artistLine().equals(artist)).count()).isLessThanOrEqualTo(1);
            // audio features alone put Metallica beside Coldplay and Daft Punk beside Dua Lipa: most picks must come
            // from the playlists people filed the artist in
            Set<String> artistPlaylists = catalog.byArtist(artist).stream().flatMap(t -> t.playlists().stream())
                    .collect(java.util.stream.Collectors.toSet());
            long grouped = picks.stream().filter(p -> p.track().playlists().stream().anyMatch(artistPlaylists::contains)).count();
            assertThat(grouped).as("picks like %s sharing its playlists", artist).isGreaterThanOrEqualTo(8);
            assertThat(picks.getFirst().reason()).contains("often in playlists with " + artist);
        }
    }

    @Test
    void anArtistInNoPlaylistIsMatchedBySoundAndGenre() {
        // tracks learnt from Spotify carry no playlists: the seed's likeness falls back to features and genres
        Track learnt = new Track("learnt-1", "Learnt Song", List.of("Somebody New"), "", Optional.of(2020), "rock",
                List.of("rock", "hard rock"), List.of(), 50, 200_000, catalog.byArtist("Metallica").getFirst().features());
        var withLearnt = new java.util.ArrayList<>(catalog.all());
        withLearnt.add(learnt);
        var picks = new TrackRecommender(new Catalog(withLearnt))
                .recommend(request(List.of("Somebody New"), List.of(), FeatureTargets.NONE, 10), NO_TASTE);
        assertThat(picks).hasSize(10);
        assertThat(picks.getFirst().reason()).contains("similar to Somebody New");
        assertThat(picks.stream().filter(p -> p.track().genres().contains("rock")).count()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void neverRepeatsAnArtistMoreThanTwiceOrReturnsExcludedOrDislikedTracks() {
        var first = recommender.recommend(request(List.of(), List.of("rock"), FeatureTargets.NONE, 20), NO_TASTE);
        String disliked = first.get(0).track().id();
        String excluded = first.get(1).track().id();
        var again = recommender.recommend(request(List.of(), List.of("rock"), FeatureTargets.NONE, 20)
                .withExclude(Set.of(excluded)), new Taste(Map.of(disliked, -3.0)));
        assertThat(again).extracting(r -> r.track().id()).doesNotContain(disliked, excluded);
        assertThat(again.stream().collect(java.util.stream.Collectors.groupingBy(r -> r.track().artistLine(),
                java.util.stream.Collectors.counting())).values()).allMatch(n -> n <= 2);
    }

    @Test
    void offersOneVersionOfASong() {
        for (FeatureTargets targets : List.of(Mood.SAD.targets(), Mood.CALM.targets(), Activity.WORKOUT.targets())) {
            var picks = recommender.recommend(request(List.of(), List.of(), targets, 30), NO_TASTE);
            assertThat(picks).hasSize(30).extracting(p -> Catalog.songKey(p.track())).doesNotHaveDuplicates();
        }
    }

    @Test
    void aLikedTrackPullsAnEmptyRequestTowardsItsSound() {
        Track liked = catalog.byArtist("Metallica").getFirst();
        var picks = recommender.recommend(RecommendRequest.ofCount(10), new Taste(Map.of(liked.id(), 3.0)));
        assertThat(mean(picks, t -> t.features().orElseThrow().energy())).isGreaterThan(0.75);
        assertThat(picks).allMatch(p -> p.track().genres().stream().anyMatch(liked.genres()::contains));
        // nothing was asked for in particular, so the like is the reason given
        assertThat(picks.getFirst().reason()).contains("Metallica, which you liked");
    }

    @Test
    void aRankingKeptFromAnEarlierRequestGivesExactlyWhatAFreshScanGivesWithItsExclusions() {
        RecommendRequest workout = request(List.of(), List.of(), Activity.WORKOUT.targets(), 10);
        List<RecommendedTrack> first = recommender.recommend(workout, NO_TASTE); // ranks and keeps the ranking
        // excluding the whole first page (a "show me more") must move on to the next tracks, never repeat one
        Set<String> shown = Set.copyOf(first.stream().map(r -> r.track().id()).toList());
        Set<String> shownAndMore = new java.util.HashSet<>(shown);
        for (int page = 0; page < 6; page++) {
            var next = recommender.recommend(workout.withExclude(shownAndMore), NO_TASTE);
            var fresh = new TrackRecommender(catalog).recommend(workout.withExclude(shownAndMore), NO_TASTE);
            assertThat(next).hasSize(10).extracting(r -> r.track().id()).doesNotContainAnyElementsOf(shownAndMore);
            assertThat(next).extracting(r -> r.track().id()).containsExactlyElementsOf(fresh.stream().map(r -> r.track().id()).toList());
            next.forEach(r -> shownAndMore.add(r.track().id()));
        }
        assertThat(shownAndMore).hasSize(70).containsAll(shown);
    }
}

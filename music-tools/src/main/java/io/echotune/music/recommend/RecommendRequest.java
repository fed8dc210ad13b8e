package io.echotune.music.recommend;

import io.echotune.music.mood.FeatureTargets;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a person asked for, in catalog terms. Every part is optional; an empty request means "surprise me"
 * (the user's taste if known, popular tracks otherwise).
 *
 * @param seedTrackIds  "more like this song"
 * @param seedArtists   "more like Daft Punk" (catalog spelling)
 * @param genres        wanted genres or subgenres, lower-case
 * @param targets       audio-feature targets from moods, activities and sentiment
 * @param moodWords     the mood/activity words as said, used to explain the picks
 * @param years         release-year range, inclusive
 * @param exclude       track ids not to return (already shown, disliked)
 */
public record RecommendRequest(
        List<String> seedTrackIds,
        List<String> seedArtists,
        List<String> genres,
        FeatureTargets targets,
        List<String> moodWords,
        Optional<YearRange> years,
        Set<String> exclude,
        int count) {

    public static final int MAX_COUNT = 100;

    public RecommendRequest {
        seedTrackIds = List.copyOf(seedTrackIds);
        seedArtists = List.copyOf(seedArtists);
        genres = List.copyOf(genres);
        moodWords = List.copyOf(moodWords);
        exclude = Set.copyOf(exclude);
        count = Math.clamp(count, 1, MAX_COUNT);
    }

    public static RecommendRequest ofCount(int count) {
        return new RecommendRequest(List.of(), List.of(), List.of(), FeatureTargets.NONE, List.of(), Optional.empty(), Set.of(), count);
    }

    public RecommendRequest withCount(int newCount) {
        return new RecommendRequest(seedTrackIds, seedArtists, genres, targets, moodWords, years, exclude, newCount);
    }

    public RecommendRequest withExclude(Set<String> ids) {
        return new RecommendRequest(seedTrackIds, seedArtists, genres, targets, moodWords, years, ids, count);
    }

    public boolean hasSeeds() {
        return !seedTrackIds.isEmpty() || !seedArtists.isEmpty();
    }

    public record YearRange(int from, int to) {
        public boolean contains(int year) {
            return year >= from && year <= to;
        }
    }
}

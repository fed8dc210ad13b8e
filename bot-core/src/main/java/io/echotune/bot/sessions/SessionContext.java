package io.echotune.bot.sessions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a conversation remembers between turns so that follow-ups make sense: the tracks just shown (and
 * why), the last music request ("another one") and the last playlist built ("save it").
 */
public record SessionContext(
        List<String> shownTrackIds,
        Map<String, String> reasons,
        StoredRequest lastRequest,
        String lastPlaylistId,
        String lastIntent) {

    public static final SessionContext EMPTY = new SessionContext(List.of(), Map.of(), null, null, null);

    public SessionContext {
        shownTrackIds = shownTrackIds == null ? List.of() : List.copyOf(shownTrackIds);
        reasons = reasons == null ? Map.of() : Map.copyOf(reasons);
    }

    public Optional<StoredRequest> request() {
        return Optional.ofNullable(lastRequest);
    }

    public Optional<String> playlistId() {
        return Optional.ofNullable(lastPlaylistId);
    }

    public Optional<String> intent() {
        return Optional.ofNullable(lastIntent);
    }

    public SessionContext withIntent(String intent) {
        return new SessionContext(shownTrackIds, reasons, lastRequest, lastPlaylistId, intent);
    }

    /** A music request as stored in MongoDB: plain strings and numbers, no enums from other modules. */
    public record StoredRequest(
            List<String> seedTrackIds,
            List<String> seedArtists,
            List<String> genres,
            List<String> moods,
            List<String> activities,
            Integer yearFrom,
            Integer yearTo,
            int count) {

        public StoredRequest {
            seedTrackIds = seedTrackIds == null ? List.of() : List.copyOf(seedTrackIds);
            seedArtists = seedArtists == null ? List.of() : List.copyOf(seedArtists);
            genres = genres == null ? List.of() : List.copyOf(genres);
            moods = moods == null ? List.of() : List.copyOf(moods);
            activities = activities == null ? List.of() : List.copyOf(activities);
        }

        public static StoredRequest empty(int count) {
            return new StoredRequest(List.of(), List.of(), List.of(), List.of(), List.of(), null, null, count);
        }

        public StoredRequest withCount(int newCount) {
            return new StoredRequest(seedTrackIds, seedArtists, genres, moods, activities, yearFrom, yearTo, newCount);
        }

        public StoredRequest withGenres(List<String> newGenres) {
            return new StoredRequest(seedTrackIds, seedArtists, newGenres, moods, activities, yearFrom, yearTo, count);
        }

        public StoredRequest withSeedTracks(List<String> ids) {
            return new StoredRequest(ids, seedArtists, genres, moods, activities, yearFrom, yearTo, count);
        }

        /** "More like the third one": that track alone is the seed; the mood, genres and era asked for still hold. */
        public StoredRequest withOnlySeedTrack(String id) {
            return new StoredRequest(List.of(id), List.of(), genres, moods, activities, yearFrom, yearTo, count);
        }
    }
}

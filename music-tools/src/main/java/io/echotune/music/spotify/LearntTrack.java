package io.echotune.music.spotify;

import io.echotune.music.catalog.Track;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A track the catalog learnt from Spotify (an import or a search), kept so it is known again after a restart:
 * listening history and playlists refer to it by id.
 */
@Document("spotify_tracks")
record LearntTrack(@Id String id, String title, List<String> artists, String album, Integer releaseYear, String genre,
                   List<String> genres, int popularity, long durationMs, Instant learntAt) {

    static LearntTrack of(Track t, Instant now) {
        return new LearntTrack(t.id(), t.title(), t.artists(), t.album(), t.releaseYear().orElse(null), t.genre(), t.genres(),
                t.popularity(), t.durationMs(), now);
    }

    Track toTrack() {
        return new Track(id, title, artists, album, Optional.ofNullable(releaseYear), genre == null ? "" : genre,
                genres == null ? List.of() : genres, List.of(), popularity, durationMs, Optional.empty());
    }
}

package io.echotune.server.playlists;

import io.echotune.music.catalog.Track;
import io.echotune.music.playlists.Playlist;
import io.echotune.server.chat.TrackView;

import java.time.Instant;
import java.util.List;

/** A playlist as the JSON API shows it. */
public record PlaylistView(
        String id,
        String name,
        String description,
        Instant createdAt,
        int trackCount,
        long durationMs,
        String spotifyPlaylistId,
        List<TrackView> tracks) {

    public static PlaylistView of(Playlist playlist, List<Track> tracks) {
        return new PlaylistView(playlist.id(), playlist.name(), playlist.description(), playlist.createdAt(), tracks.size(),
                tracks.stream().mapToLong(Track::durationMs).sum(), playlist.spotifyPlaylist().orElse(null),
                tracks.stream().map(t -> TrackView.of(t, null)).toList());
    }
}

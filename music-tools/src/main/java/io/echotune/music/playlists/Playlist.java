package io.echotune.music.playlists;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A playlist built in a conversation. {@code spotifyPlaylistId} is set once it has been exported to the
 * owner's Spotify account; until then it lives only in EchoTune (and can be exported again after a failure).
 */
@Document("playlists")
public record Playlist(
        @Id String id,
        @Indexed String userId,
        String name,
        String description,
        List<String> trackIds,
        Instant createdAt,
        String spotifyPlaylistId) {

    public Playlist {
        trackIds = List.copyOf(trackIds);
    }

    /** The Spotify playlist this one was exported to, if it has been. */
    public Optional<String> spotifyPlaylist() {
        return Optional.ofNullable(spotifyPlaylistId);
    }

    public Playlist exportedAs(String spotifyId) {
        return new Playlist(id, userId, name, description, trackIds, createdAt, spotifyId);
    }
}

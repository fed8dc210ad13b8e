package io.echotune.server.web;

import io.echotune.server.chat.TrackView;
import io.echotune.server.playlists.PlaylistView;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A web conversation as the chat UI redraws it after a reload: every turn with its track cards and playlist, and
 * the visitor's current 👍/👎 on the tracks shown.
 *
 * @param feedback track id → true (liked) or false (disliked), the latest verdict per track
 */
public record WebSessionView(String id, Instant createdAt, Instant updatedAt, List<Turn> turns, Map<String, Boolean> feedback) {

    public record Turn(Instant at, String message, String reply, String intent, List<TrackView> tracks, PlaylistView playlist) {
    }
}

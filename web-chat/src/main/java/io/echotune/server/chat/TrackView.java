package io.echotune.server.chat;

import io.echotune.bot.conversation.ChatReply.ShownTrack;
import io.echotune.music.catalog.Track;

import java.util.List;

/** A track as the JSON API shows it. */
public record TrackView(
        String id,
        String title,
        List<String> artists,
        String album,
        String genre,
        List<String> genres,
        long durationMs,
        int popularity,
        Integer releaseYear,
        String spotifyUrl,
        String reason) {

    public static TrackView of(Track t, String reason) {
        return new TrackView(t.id(), t.title(), t.artists(), t.album(), t.genre(), t.genres(), t.durationMs(), t.popularity(),
                t.releaseYear().orElse(null), t.spotifyUrl(), reason);
    }

    public static TrackView of(ShownTrack shown) {
        return of(shown.track(), shown.reason().orElse(null));
    }
}

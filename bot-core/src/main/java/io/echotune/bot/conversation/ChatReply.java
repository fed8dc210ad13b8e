package io.echotune.bot.conversation;

import io.echotune.bot.nlu.Sentiment;
import io.echotune.music.catalog.Track;
import io.echotune.music.playlists.Playlist;

import java.util.List;
import java.util.Optional;

/**
 * What EchoTune answers: the text plus the structured parts each channel renders its own way
 * (widget cards, Telegram keyboard, Discord embed, REST JSON).
 */
public record ChatReply(
        String sessionId,
        String text,
        List<ShownTrack> tracks,
        Optional<ShownPlaylist> playlist,
        String intent,
        Sentiment sentiment,
        List<String> suggestions) {

    public ChatReply {
        tracks = List.copyOf(tracks);
        suggestions = List.copyOf(suggestions);
    }

    /** A track in a reply, with why it was chosen when it was recommended. */
    public record ShownTrack(Track track, Optional<String> reason) {
    }

    public record ShownPlaylist(Playlist playlist, List<Track> tracks) {
    }
}

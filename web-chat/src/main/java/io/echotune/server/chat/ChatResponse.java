package io.echotune.server.chat;

import io.echotune.bot.conversation.ChatReply;
import io.echotune.server.playlists.PlaylistView;

import java.util.List;

/** Body of a {@code POST /api/chat} reply. */
public record ChatResponse(
        String sessionId,
        String text,
        String intent,
        SentimentView sentiment,
        List<TrackView> tracks,
        PlaylistView playlist,
        List<String> suggestions) {

    public record SentimentView(String label, double score) {
    }

    public static ChatResponse of(ChatReply reply) {
        return new ChatResponse(reply.sessionId(), reply.text(), reply.intent(),
                new SentimentView(reply.sentiment().polarity().name().toLowerCase(), reply.sentiment().score()),
                reply.tracks().stream().map(TrackView::of).toList(),
                reply.playlist().map(p -> PlaylistView.of(p.playlist(), p.tracks())).orElse(null),
                reply.suggestions());
    }
}

package io.echotune.server.chat;

import io.echotune.bot.sessions.ChatSession;
import io.echotune.bot.sessions.SessionTurn;

import java.time.Instant;
import java.util.List;

/** A stored conversation as the JSON API shows it (the owner's internal user id is not exposed). */
public record SessionView(String id, String channel, Instant createdAt, Instant updatedAt, List<TurnView> turns) {

    public record TurnView(Instant at, String message, String reply, String intent, double confidence, String sentiment,
                           List<String> trackIds, String playlistId) {

        static TurnView of(SessionTurn t) {
            return new TurnView(t.at(), t.userText(), t.replyText(), t.intent(), t.confidence(), t.sentiment(), t.trackIds(), t.playlistId());
        }
    }

    public static SessionView of(ChatSession s) {
        return new SessionView(s.id(), s.channel(), s.createdAt(), s.updatedAt(), s.turns().stream().map(TurnView::of).toList());
    }
}

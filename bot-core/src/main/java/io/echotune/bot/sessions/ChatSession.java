package io.echotune.bot.sessions;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One conversation on one channel. Turns are appended atomically ({@code $push}), so two quick messages in
 * the same session never overwrite each other.
 */
@Document("chat_sessions")
@CompoundIndex(name = "user_updated", def = "{'user_id': 1, 'updated_at': -1}")
public record ChatSession(
        @Id String id,
        String userId,
        String channel,
        Instant createdAt,
        Instant updatedAt,
        List<SessionTurn> turns,
        SessionContext context) {

    public ChatSession {
        turns = turns == null ? List.of() : List.copyOf(turns);
        context = context == null ? SessionContext.EMPTY : context;
    }
}

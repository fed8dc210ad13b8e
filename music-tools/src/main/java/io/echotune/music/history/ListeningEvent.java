package io.echotune.music.history;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One entry of a user's listening history: a play (imported) or a like/dislike (from chat).
 * {@code dedupKey} makes imports idempotent: re-importing the same play writes the same key.
 */
@Document("listening_history")
@CompoundIndex(name = "user_time", def = "{'user_id': 1, 'at': -1}")
@CompoundIndex(name = "dedup", def = "{'dedup_key': 1}", unique = true, sparse = true)
public record ListeningEvent(
        @Id String id,
        String userId,
        String trackId,
        FeedbackKind kind,
        String source,
        Instant at,
        String dedupKey) {
}

package io.echotune.music.recommend;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** Recommendations shown to a user, kept to measure what was liked and to explain picks later. */
@Document("recommendations")
@CompoundIndex(name = "user_time", def = "{'user_id': 1, 'created_at': -1}")
public record RecommendationRecord(
        @Id String id,
        String userId,
        List<Item> items,
        String algorithmVersion,
        String request,
        Instant createdAt) {

    public record Item(String trackId, double confidenceScore, String reason) {
    }
}

package io.echotune.bot.linking;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A one-time code that joins another channel identity to {@code userId}. The code itself is the document id,
 * so redeeming it is a single atomic find-and-delete: it can be used once, even by two racing requests.
 */
@Document("link_codes")
public record LinkCode(
        @Id String code,
        @Indexed String userId,
        Instant createdAt,
        Instant expiresAt) {
}

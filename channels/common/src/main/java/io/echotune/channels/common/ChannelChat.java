package io.echotune.channels.common;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** Which {@code chat_sessions} conversation a platform chat continues ({@code id} = channel:chat:user). */
@Document("channel_chats")
record ChannelChat(@Id String id, String sessionId, Instant updatedAt) {
}

package io.echotune.server.chat;

import io.echotune.bot.conversation.ChatTurn;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/chat}.
 *
 * @param sessionId continue this conversation; omit to start a new one
 * @param userId    the caller's own stable id for the person (optional); without it the session alone identifies them
 * @param message   what the person wrote, at most {@value ChatTurn#MAX_TEXT_LENGTH} characters
 */
public record ChatRequest(
        @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "must be a session id returned by a previous reply") String sessionId,
        @Pattern(regexp = "[A-Za-z0-9_.@:-]{1,128}", message = "may only contain letters, digits and _ . @ : - (at most 128)") String userId,
        @NotBlank(message = "must not be empty") @Size(max = ChatTurn.MAX_TEXT_LENGTH, message = "must be at most {max} characters") String message) {
}

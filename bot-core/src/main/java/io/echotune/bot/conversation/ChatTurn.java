package io.echotune.bot.conversation;

import java.util.Optional;

/**
 * One message from a person, as every channel hands it to the conversation engine.
 *
 * @param channel     an opaque channel name ("web", "rest", "telegram", ...), part of the user's identity
 * @param externalId  the person's id on that channel (a web visitor token, a Telegram user id); empty for an
 *                    anonymous visitor, who is then known by the session alone
 * @param sessionId   the conversation to continue; empty starts a new one
 * @param text        what they wrote
 */
public record ChatTurn(String channel, Optional<String> externalId, Optional<String> sessionId, String text) {

    /** Longest message accepted, in characters; channels reject longer ones before calling the engine. */
    public static final int MAX_TEXT_LENGTH = 2000;
}

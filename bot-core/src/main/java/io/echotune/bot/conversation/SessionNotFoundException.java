package io.echotune.bot.conversation;

/** A turn named a session that does not exist, or that belongs to someone else (the two are not told apart). */
public class SessionNotFoundException extends RuntimeException {

    public SessionNotFoundException(String sessionId) {
        super("No conversation with id " + sessionId);
    }
}

package io.echotune.channels.common;

import io.echotune.bot.conversation.ChatReply;
import io.echotune.bot.conversation.ChatTurn;
import io.echotune.bot.conversation.ConversationService;
import io.echotune.bot.conversation.SessionNotFoundException;
import io.echotune.bot.linking.IdentityLinking;
import io.echotune.bot.linking.IssuedCode;
import io.echotune.music.catalog.Track;
import io.echotune.music.tools.MusicTools;
import io.echotune.music.users.EchoUser;
import io.echotune.music.users.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The conversation engine as a chat-platform adapter sees it: a platform message, button press or /link goes in,
 * an {@link Answer} comes out. Keeps one {@code chat_sessions} conversation per platform chat and person
 * (remembered in {@code channel_chats}), applies the per-person rate limit, and turns failures into a sentence.
 */
@Service
public class ChannelConversation {

    static final String TRY_AGAIN = "Sorry, something went wrong on my side. Please send that again in a moment.";
    private static final Logger log = LoggerFactory.getLogger(ChannelConversation.class);
    private static final int STORE_ATTEMPTS = 3;

    private final ConversationService conversations;
    private final MusicTools tools;
    private final Users users;
    private final IdentityLinking linking;
    private final TurnRateLimiter limiter;
    private final MongoTemplate mongo;
    private final Clock clock;

    public ChannelConversation(ConversationService conversations, MusicTools tools, Users users, IdentityLinking linking,
                               TurnRateLimiter limiter, MongoTemplate mongo, Clock clock) {
        this.conversations = conversations;
        this.tools = tools;
        this.users = users;
        this.linking = linking;
        this.limiter = limiter;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A message the person wrote (commands already stripped to their text by the adapter). */
    public Answer say(ChatKey key, String displayName, String text) {
        Optional<Answer> refused = refuse(key, text);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            return new Answer.Reply(converse(key, displayName, text.strip()));
        } catch (RuntimeException e) {
            log.error("A {} turn failed", key.channel(), e);
            return new Answer.Notice(TRY_AGAIN);
        }
    }

    /**
     * A reply button pressed. Likes and dislikes go straight to the listening history of the person who pressed;
     * "more like this" and "save" continue their conversation.
     */
    public Answer press(ButtonAction action, ChatKey key, String displayName) {
        Optional<Duration> wait = limiter.tryTake(key.channel() + ":" + key.userId());
        if (wait.isPresent()) {
            return new Answer.Notice(slowDown(wait.get()));
        }
        try {
            return switch (action.kind()) {
                case LIKE, DISLIKE -> feedback(key, displayName, action);
                case MORE -> tools.track(action.trackId())
                        .map(t -> new Answer.Reply(converse(key, displayName, "more like " + t.title() + " by " + t.artists().getFirst())))
                        .map(Answer.class::cast)
                        .orElse(new Answer.Notice("I can't find that track any more."));
                case SAVE -> new Answer.Reply(converse(key, displayName, "make that a playlist"));
            };
        } catch (RuntimeException e) {
            log.error("A {} button failed", key.channel(), e);
            return new Answer.Notice(TRY_AGAIN);
        }
    }

    /** "/link" alone issues a code; "/link CODE" redeems one made on another channel. */
    public Answer link(ChatKey key, String displayName, String argument) {
        try {
            if (argument == null || argument.isBlank()) {
                EchoUser user = users.forIdentity(key.channel(), key.userId(), displayName);
                IssuedCode code = linking.issue(user.getId());
                return new Answer.Notice("Your link code is " + code.display() + " (valid for "
                        + IdentityLinking.VALIDITY.toMinutes() + " minutes, once). Send /link " + code.display()
                        + " to EchoTune on another channel (Telegram, Discord or the web chat) and both will share your"
                        + " taste, history and playlists.");
            }
            return new Answer.Notice(linking.redeem(argument.strip(), key.channel(), key.userId()).message());
        } catch (RuntimeException e) {
            log.error("A {} /link failed", key.channel(), e);
            return new Answer.Notice(TRY_AGAIN);
        }
    }

    private Optional<Answer> refuse(ChatKey key, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new Answer.Notice("Tell me what you'd like to hear, e.g. \"something calm to study to\"."));
        }
        if (text.strip().length() > ChatTurn.MAX_TEXT_LENGTH) {
            return Optional.of(new Answer.Notice("That message is a bit long for me: please keep it under "
                    + ChatTurn.MAX_TEXT_LENGTH + " characters."));
        }
        return limiter.tryTake(key.channel() + ":" + key.userId()).map(wait -> new Answer.Notice(slowDown(wait)));
    }

    private static String slowDown(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return "You're sending messages faster than I can listen. Give me " + seconds + " second"
                + (seconds == 1 ? "" : "s") + " and try again.";
    }

    private Answer feedback(ChatKey key, String displayName, ButtonAction action) {
        boolean liked = action.kind() == ButtonAction.Kind.LIKE;
        EchoUser user = users.forIdentity(key.channel(), key.userId(), displayName);
        Optional<Track> track = tools.track(action.trackId());
        if (track.isEmpty()) {
            return new Answer.Notice("I can't find that track any more.");
        }
        tools.feedback(user.getId(), action.trackId(), liked);
        return new Answer.Notice(liked
                ? "👍 Noted: you like " + track.get().display() + "."
                : "👎 Noted: less like " + track.get().display() + ".");
    }

    private ChatReply converse(ChatKey key, String displayName, String text) {
        users.forIdentity(key.channel(), key.userId(), displayName); // so a new user gets their platform name
        Optional<String> sessionId = Optional.ofNullable(mongo.findById(key.id(), ChannelChat.class)).map(ChannelChat::sessionId);
        ChatReply reply;
        try {
            reply = handleStored(new ChatTurn(key.channel(), Optional.of(key.userId()), sessionId, text));
        } catch (SessionNotFoundException gone) {
            reply = handleStored(new ChatTurn(key.channel(), Optional.of(key.userId()), Optional.empty(), text));
        }
        if (sessionId.isEmpty() || !sessionId.get().equals(reply.sessionId())) {
            mongo.save(new ChannelChat(key.id(), reply.sessionId(), clock.instant()));
        }
        return reply;
    }

    /** The engine stores the turn before replying; a database hiccup is retried so the person's message is kept. */
    private ChatReply handleStored(ChatTurn turn) {
        for (int attempt = 1; ; attempt++) {
            try {
                return conversations.handle(turn);
            } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
                if (attempt == STORE_ATTEMPTS) {
                    throw e;
                }
                log.warn("Storing a {} turn failed (attempt {}), retrying", turn.channel(), attempt);
                sleep(Duration.ofMillis(250L << attempt));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}

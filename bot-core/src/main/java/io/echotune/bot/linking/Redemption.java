package io.echotune.bot.linking;

import java.time.Duration;

/** What came of entering a link code; {@link #message()} is a sentence to show the person. */
public sealed interface Redemption {

    String message();

    /** The identity now belongs to {@code userId}; {@code mergedUserId} is the user whose history was folded in, if any. */
    record Linked(String userId, String mergedUserId) implements Redemption {
        @Override
        public String message() {
            return "Linked! This account now shares your taste, history and playlists with the one that made the code.";
        }
    }

    /** The code was made by the same person who entered it. */
    record AlreadyLinked(String userId) implements Redemption {
        @Override
        public String message() {
            return "This account is already linked to the one that made the code — nothing to do.";
        }
    }

    /** Unknown, mistyped, used or expired: not told apart, so a guesser learns nothing. */
    record Rejected() implements Redemption {
        @Override
        public String message() {
            return "That code didn't work: it may be mistyped, used already or expired. Ask for a new one with /link.";
        }
    }

    /** Too many wrong codes from this identity lately. */
    record TooManyAttempts(Duration retryAfter) implements Redemption {
        @Override
        public String message() {
            long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
            return "Too many wrong codes. Please wait " + minutes + " minute" + (minutes == 1 ? "" : "s") + " and try again.";
        }
    }
}

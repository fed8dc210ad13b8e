package io.echotune.bot.nlu;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the intent model's probabilities into one decision, using what came before: "the second one"
 * or "love it" right after tracks were shown is feedback; "make it 20" after a playlist changes the
 * playlist; anything the model is unsure of falls back to out of scope rather than a wrong action.
 */
final class ContextRules {

    private static final Set<Intent> PLAYLIST_TURNS = Set.of(Intent.BUILD_PLAYLIST, Intent.SAVE_PLAYLIST);
    private static final Set<Intent> TRACK_TURNS = Set.of(Intent.SEARCH, Intent.RECOMMEND, Intent.BUILD_PLAYLIST,
            Intent.FEEDBACK_POSITIVE, Intent.FEEDBACK_NEGATIVE, Intent.EXPLAIN);
    /** "make it 20", "call it Road Trip", "add 5 more", "shorter": edits of the playlist just built. */
    private static final Pattern PLAYLIST_EDIT = Pattern.compile(
            "^(ok |okay |actually |and |now |hmm |great |cool |nice )*(make it|make that|call it|name it|rename it|"
                    + "change (it|the name)|add|remove|drop|cut it|shorten it|extend it|longer|shorter|more songs|"
                    + "fewer|less songs|only|just|\\d+|(twenty|thirty|forty|fifty|ten|fifteen|a dozen)\\b)");
    /** Short reactions that only make sense about something just shown. */
    private static final Pattern REACTION = Pattern.compile(
            "^(the |that |this )?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\\d+(st|nd|rd|th)?"
                    + "|number \\d+|this|that|it|these|those)( one| song| track)?( is| was|'s)?\\b.*|.*\\b(it|this one|that one"
                    + "|this song|that song|this track|that track|these|those)\\W*$");

    private ContextRules() {
    }

    static Nlu.IntentDecision decide(double[] p, MessageText message, Entities entities, Sentiment sentiment,
                                     NluContext context) {
        Intent best = Intent.OUT_OF_SCOPE;
        for (Intent intent : Intent.values()) {
            if (p[intent.ordinal()] > p[best.ordinal()]) {
                best = intent;
            }
        }
        double confidence = p[best.ordinal()];
        String folded = MessageText.fold(message.original()).replaceAll("\\s+", " ").strip();
        Intent previous = context.previousIntent().orElse(null);

        // right after a playlist: a count or a new name edits it
        if (previous != null && PLAYLIST_TURNS.contains(previous) && PLAYLIST_EDIT.matcher(folded).find()
                && (entities.count().isPresent() || entities.playlistName().isPresent())
                && best != Intent.SAVE_PLAYLIST) {
            return new Nlu.IntentDecision(Intent.BUILD_PLAYLIST, Math.max(confidence, 0.9));
        }

        boolean tracksOnScreen = context.tracksShown() > 0 || previous != null && TRACK_TURNS.contains(previous);
        boolean pointsAtTrack = entities.ordinal().isPresent() || REACTION.matcher(folded).matches();
        if (tracksOnScreen && pointsAtTrack && entities.count().isEmpty() && !isRequest(best, confidence)) {
            if (sentiment.polarity() == Polarity.POSITIVE) {
                return new Nlu.IntentDecision(Intent.FEEDBACK_POSITIVE, Math.max(confidence, 0.8));
            }
            if (sentiment.polarity() == Polarity.NEGATIVE) {
                return new Nlu.IntentDecision(Intent.FEEDBACK_NEGATIVE, Math.max(confidence, 0.8));
            }
        }

        if (confidence < Nlu.MIN_CONFIDENCE) {
            return new Nlu.IntentDecision(Intent.OUT_OF_SCOPE, confidence);
        }
        return new Nlu.IntentDecision(best, confidence);
    }

    /** A confident request for something new is not a reaction, even right after tracks were shown. */
    private static boolean isRequest(Intent intent, double confidence) {
        return confidence >= 0.7 && (intent == Intent.SEARCH || intent == Intent.RECOMMEND
                || intent == Intent.BUILD_PLAYLIST || intent == Intent.SAVE_PLAYLIST || intent == Intent.EXPLAIN
                || intent == Intent.FEEDBACK_POSITIVE || intent == Intent.FEEDBACK_NEGATIVE);
    }
}

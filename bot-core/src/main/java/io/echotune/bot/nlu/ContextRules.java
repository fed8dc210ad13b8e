package io.echotune.bot.nlu;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the intent model's probabilities into one decision, using what came before: "the second one"
 * or "love it" right after tracks were shown is feedback, "more like the second one" a new request and "I don't
 * like Avicii" feedback on an artist; "make it 20" after a playlist changes the playlist; anything the model is
 * unsure of falls back to out of scope rather than a wrong action.
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

    /**
     * "more like the second one", "something similar to that": asking for other music, not praising what was shown,
     * although "like" reads as praise. "I like the second one" does not match.
     */
    private static final Pattern MORE_LIKE = Pattern.compile(
            "\\b(more|others?|another|anything|something|some|songs?|tracks?|music|stuff|ones)( just| a bit)? (like|similar to)\\b");

    /** "I don't like Avicii", "not a fan of Drake", "love Queen": a verdict on an artist, not a search for them. */
    private static final Pattern ARTIST_VERDICT = Pattern.compile(
            "^(ok |okay |hmm |well |sorry |honestly |actually )*(i |i'm |i am )?(really |just |honestly )?"
                    + "(don't like|do not like|dont like|don't love|can't stand|cannot stand|hate|dislike|love|like|adore|"
                    + "not into|not a fan of|no more|enough of|skip)\\b");

    /**
     * "make it more upbeat", "can you make them a bit calmer": the picks just shown, changed in mood. The model read
     * "make it …" as a playlist request and "make them more energetic" as out of scope. "make them less sad" too: the
     * entities then hold the opposite mood (happy), see EntityExtractor.
     */
    private static final Pattern REFINE = Pattern.compile(
            "\\b(make|turn|get) (it|them|these|those|this|that|the (songs?|tracks?|picks|music|list))"
                    + "( (a bit|a little|a lot|way|much|even))? (more|less|\\w+er)\\b");

    /** A message about the speaker's own state or plan: "I want to …", "I'm …", "feeling …", "time to …". */
    private static final Pattern ABOUT_ME = Pattern.compile(
            "^(so |ok |okay |well |now |just )*(i|i'm|im|i am|i'd|i feel|feeling|i wanna|wanna|i need|need to|i want|"
                    + "let's|lets|time to|going to|gonna)\\b");

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
        boolean afterPlaylist = previous != null && PLAYLIST_TURNS.contains(previous); // Set.of refuses null

        // right after a playlist: a count or a new name edits it
        if (afterPlaylist && PLAYLIST_EDIT.matcher(folded).find()
                && (entities.count().isPresent() || entities.playlistName().isPresent())
                && best != Intent.SAVE_PLAYLIST) {
            return new Nlu.IntentDecision(Intent.BUILD_PLAYLIST, Math.max(confidence, 0.9));
        }

        boolean tracksOnScreen = context.tracksShown() > 0 || previous != null && TRACK_TURNS.contains(previous);
        // picks (not a playlist, whose edits the model handles) asked to be calmer, sadder, more upbeat: new picks
        if (tracksOnScreen && !afterPlaylist && REFINE.matcher(folded).find()
                && (!entities.moods().isEmpty() || !entities.activities().isEmpty())) {
            return new Nlu.IntentDecision(Intent.RECOMMEND, Math.max(confidence, 0.8));
        }
        boolean pointsAtTrack = entities.ordinal().isPresent() || REACTION.matcher(folded).matches();
        if (tracksOnScreen && pointsAtTrack && MORE_LIKE.matcher(folded).find() && best != Intent.BUILD_PLAYLIST) {
            return new Nlu.IntentDecision(Intent.RECOMMEND, Math.max(confidence, 0.8));
        }
        if (tracksOnScreen && pointsAtTrack && entities.count().isEmpty() && !isRequest(best, confidence)
                && sentiment.polarity() != Polarity.NEUTRAL) {
            return feedback(sentiment, confidence);
        }
        // right after picks, a verdict on an artist is feedback on that artist, not a search for them
        if (tracksOnScreen && !entities.artists().isEmpty() && ARTIST_VERDICT.matcher(folded).find()
                && !MORE_LIKE.matcher(folded).find() && sentiment.polarity() != Polarity.NEUTRAL) {
            return feedback(sentiment, confidence);
        }

        // "I want to relax", "feeling sad today": said of oneself, a mood or an activity asks for music even when the
        // model is unsure; "how do I cook risotto" or "tell me a fun fact" are not said of oneself and stay out of scope
        boolean unsure = best == Intent.OUT_OF_SCOPE || confidence < Nlu.MIN_CONFIDENCE;
        if (unsure && ABOUT_ME.matcher(folded).find() && (!entities.moods().isEmpty() || !entities.activities().isEmpty())) {
            return new Nlu.IntentDecision(Intent.RECOMMEND, Math.max(confidence, Nlu.MIN_CONFIDENCE));
        }
        if (confidence < Nlu.MIN_CONFIDENCE) {
            return new Nlu.IntentDecision(Intent.OUT_OF_SCOPE, confidence);
        }
        return new Nlu.IntentDecision(best, confidence);
    }

    /** Praise or a complaint, by the message's polarity (not neutral). */
    private static Nlu.IntentDecision feedback(Sentiment sentiment, double confidence) {
        Intent intent = sentiment.polarity() == Polarity.POSITIVE ? Intent.FEEDBACK_POSITIVE : Intent.FEEDBACK_NEGATIVE;
        return new Nlu.IntentDecision(intent, Math.max(confidence, 0.8));
    }

    /** A confident request for something new is not a reaction, even right after tracks were shown. */
    private static boolean isRequest(Intent intent, double confidence) {
        return confidence >= 0.7 && (intent == Intent.SEARCH || intent == Intent.RECOMMEND
                || intent == Intent.BUILD_PLAYLIST || intent == Intent.SAVE_PLAYLIST || intent == Intent.EXPLAIN
                || intent == Intent.FEEDBACK_POSITIVE || intent == Intent.FEEDBACK_NEGATIVE);
    }
}

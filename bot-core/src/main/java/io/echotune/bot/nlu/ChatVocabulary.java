package io.echotune.bot.nlu;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of music chat ({@code nlu/chat-words.txt}, the lexicons and everyday words) and how the
 * intent model sees a message through them: a known word stays, a word one typo away from a known one is
 * corrected ("recomend", "plalyist"), and anything else is read as part of a name and becomes
 * {@code <name>}. So "play radiohed" and "play Levitating" look alike to the model — "play <name>" —
 * whatever artists the catalog holds.
 */
final class ChatVocabulary {

    static final String NAME = "<name>";
    private static final Pattern DECADE = Pattern.compile("'?\\d{2,4}'?s");
    private static final Pattern DIGITS = Pattern.compile("\\d+(st|nd|rd|th|k)?");

    private static final ChatVocabulary BUILT_IN = new ChatVocabulary(MusicLexicon.builtIn());

    private final Set<String> known = new HashSet<>();
    private final FuzzyIndex<String> corrections = new FuzzyIndex<>();

    ChatVocabulary(MusicLexicon lexicon) {
        for (String line : MusicLexicon.lines("nlu/chat-words.txt")) {
            known.add(line.strip());
        }
        known.addAll(lexicon.phraseWords());
        known.addAll(lexicon.everydayWords());
        for (String word : known) {
            if (word.length() >= 5 && word.chars().allMatch(Character::isLetter)) {
                corrections.add(word, word);
            }
        }
    }

    static ChatVocabulary builtIn() {
        return BUILT_IN;
    }

    boolean isKnown(String foldedWord) {
        return known.contains(foldedWord);
    }

    /** Model tokens for a message: known words, corrected typos, {@code <num>}, {@code <decade>} and {@code <name>}. */
    String[] modelTokens(MessageText message) {
        return modelTokens(message, null);
    }

    /** As {@link #modelTokens(MessageText)}, with the tokens marked in {@code names} read as {@code <name>}. */
    String[] modelTokens(MessageText message, boolean[] names) {
        List<String> folded = message.folded();
        List<String> out = new java.util.ArrayList<>(folded.size());
        for (int i = 0; i < folded.size(); i++) {
            String token = names != null && names[i] ? NAME : modelToken(folded.get(i));
            // a name of several words is still one name
            if (!(token.equals(NAME) && !out.isEmpty() && out.get(out.size() - 1).equals(NAME))) {
                out.add(token);
            }
        }
        return out.toArray(String[]::new);
    }

    private String modelToken(String t) {
        if (!MessageText.isWord(t) || known.contains(t)) {
            return t;
        }
        if (DECADE.matcher(t).matches()) {
            return "<decade>";
        }
        if (DIGITS.matcher(t).matches()) {
            return "<num>";
        }
        // short words are too often names one letter away from a word ("sicko", "daft"): correct only longer
        // ones, and five-letter ones only for a swapped or mistyped letter
        if (t.length() >= 5) {
            Optional<FuzzyIndex.Hit<String>> hit = corrections.nearest(t);
            if (hit.isPresent() && (t.length() >= 6 || hit.get().key().length() == t.length())) {
                return hit.get().value();
            }
        }
        return NAME;
    }
}

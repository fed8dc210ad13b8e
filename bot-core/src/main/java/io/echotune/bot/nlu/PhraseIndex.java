package io.echotune.bot.nlu;

import io.echotune.bot.nlu.MessageText.Word;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Exact look-up of multi-word phrases in a message, longest phrase first. */
final class PhraseIndex<T> {

    private final Map<String, T> byKey = new HashMap<>();
    private int longest = 1;

    /** Adds a phrase; the first value given for a key wins. */
    void add(String phrase, T value) {
        String key = MessageText.key(phrase);
        if (key.isEmpty()) {
            return;
        }
        byKey.putIfAbsent(key, value);
        longest = Math.max(longest, key.split(" ").length);
    }

    boolean containsKey(String key) {
        return byKey.containsKey(key);
    }

    Optional<T> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    int size() {
        return byKey.size();
    }

    int longest() {
        return longest;
    }

    /** The longest phrase starting at word {@code start}, if any. */
    Optional<Match<T>> longestAt(List<Word> words, int start) {
        StringBuilder key = new StringBuilder();
        Match<T> best = null;
        int max = Math.min(words.size(), start + longest);
        for (int end = start; end < max; end++) {
            if (end > start) {
                key.append(' ');
            }
            key.append(words.get(end).text());
            T value = byKey.get(key.toString());
            if (value != null) {
                best = new Match<>(start, end + 1, key.toString(), value);
            }
        }
        return Optional.ofNullable(best);
    }

    /** A phrase found over words {@code start} (inclusive) to {@code end} (exclusive). */
    record Match<T>(int start, int end, String key, T value) {
        int length() {
            return end - start;
        }
    }
}

package io.echotune.bot.nlu;

import io.echotune.music.mood.Activity;
import io.echotune.music.mood.Mood;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fixed vocabulary of music chat: mood and activity synonyms, genre spellings and everyday words,
 * read from {@code nlu/*.tsv} so they can be curated without touching code.
 */
final class MusicLexicon {

    private static final MusicLexicon BUILT_IN = new MusicLexicon();

    private final PhraseIndex<Mood> moods = new PhraseIndex<>();
    private final PhraseIndex<Activity> activities = new PhraseIndex<>();
    private final List<String[]> genreSynonyms = new ArrayList<>();
    private final Set<String> commonWords = new HashSet<>();
    private final Set<String> everydayWords = new HashSet<>();
    private final Set<String> phraseWords = new HashSet<>();

    private MusicLexicon() {
        for (String[] row : rows("nlu/moods.tsv")) {
            moods.add(row[0], Mood.valueOf(row[1].strip()));
        }
        for (String[] row : rows("nlu/activities.tsv")) {
            activities.add(row[0], Activity.valueOf(row[1].strip()));
        }
        genreSynonyms.addAll(rows("nlu/genres.tsv"));
        for (String line : lines("nlu/common-words.txt")) {
            for (String word : line.split("\\s+")) {
                if (!word.isBlank()) {
                    commonWords.add(MessageText.fold(word));
                }
            }
        }
        // words that occur twice or more in the review sentences are everyday English, not names
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (String[] row : rows(SentimentClassifier.REVIEWS_FILE)) {
            for (MessageText.Word w : MessageText.of(row[row.length - 1]).words()) {
                counts.merge(w.text(), 1, Integer::sum);
            }
        }
        counts.forEach((word, n) -> {
            if (n >= 2 && word.chars().allMatch(Character::isLetter)) {
                everydayWords.add(word);
            }
        });
        everydayWords.addAll(commonWords);
        // and so are the words of the chat templates ("weekend", "tonight", "workout")
        for (String line : lines("nlu/chat-words.txt")) {
            String w = line.strip();
            if (w.chars().allMatch(Character::isLetter)) {
                everydayWords.add(w);
            }
        }
        for (String resource : List.of("nlu/moods.tsv", "nlu/activities.tsv", "nlu/genres.tsv")) {
            for (String[] row : rows(resource)) {
                phraseWords.addAll(List.of(MessageText.key(row[0]).split(" ")));
            }
        }
        phraseWords.remove("");
    }

    /** Everyday English: the curated common words plus words seen at least twice in the review corpus. */
    Set<String> everydayWords() {
        return everydayWords;
    }

    /** Every word of a mood, activity or genre phrase. */
    Set<String> phraseWords() {
        return phraseWords;
    }

    boolean isEveryday(String foldedWord) {
        return everydayWords.contains(foldedWord);
    }

    static MusicLexicon builtIn() {
        return BUILT_IN;
    }

    PhraseIndex<Mood> moods() {
        return moods;
    }

    PhraseIndex<Activity> activities() {
        return activities;
    }

    boolean isCommon(String foldedWord) {
        return commonWords.contains(foldedWord);
    }

    /** Genre phrase → canonical genre: the catalog's own genres first, then built-in spellings. */
    PhraseIndex<String> genreIndex(Collection<String> catalogGenres) {
        PhraseIndex<String> index = new PhraseIndex<>();
        for (String genre : catalogGenres) {
            String canonical = genre.strip().toLowerCase(java.util.Locale.ROOT);
            index.add(canonical, canonical);
        }
        for (String[] row : genreSynonyms) {
            index.add(row[0], row[1].strip());
        }
        return index;
    }

    static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(resource)) {
            String[] cells = line.split("\t");
            if (cells.length >= 2) {
                rows.add(cells);
            }
        }
        return rows;
    }

    /** Non-blank lines of a classpath resource, without '#' comment lines. */
    static List<String> lines(String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = MusicLexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing NLU resource on the classpath: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NLU resource " + resource, e);
        }
        return lines;
    }
}

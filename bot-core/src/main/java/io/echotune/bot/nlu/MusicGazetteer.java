package io.echotune.bot.nlu;

import io.echotune.bot.nlu.MessageText.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the catalog's artists, track titles and genres in a message: exact multi-word look-up
 * (longest name first) and, where nothing matches exactly, one-typo fuzzy look-up. Names made only of
 * everyday words ("Yes", "Low", "Live", "I Love It") need a cue — capitals, quotes, "by", "play", "song" —
 * because otherwise ordinary sentences would be full of bands.
 */
final class MusicGazetteer {

    enum Kind { GENRE, ARTIST, TRACK }

    /** A name found over words {@code start}..{@code end} (exclusive). */
    record Found(Kind kind, String canonical, int start, int end, int distance) {
    }

    private record Name(Kind kind, String canonical, String key, int words) {
    }

    /** Remix and featuring suffixes are not part of what people call a track. */
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+-\\s+.*$|\\s*[\\(\\[].*?[\\)\\]]");
    /** Words that announce an artist; enough to accept a name made of everyday words, exact or with a typo. */
    private static final Set<String> ARTIST_CUES = Set.of("by", "from", "like", "play", "playing", "artist",
            "band", "singer", "rapper", "group", "dj", "feat", "featuring", "ft", "similar", "than", "hear");
    /** Weaker announcements: enough for an exact name ("I love Queen"), not for a guessed one. */
    private static final Set<String> LIGHT_ARTIST_CUES = Set.of("love", "hate", "of", "and");
    /** Words that introduce names are never names themselves without quotes ("more like Daft Punk"). */
    private static final Set<String> NEVER_ALONE = Set.of("like", "by", "from", "play", "similar", "more", "some",
            "song", "songs", "track", "tracks", "music", "artist", "band", "anything", "something", "another", "it",
            "this", "that", "the", "one", "yes", "no", "ok", "okay", "please", "love", "hate");
    private static final Set<String> TRACK_CUES = Set.of("play", "song", "track", "hear", "single", "tune", "called",
            "queue", "is", "love", "hate", "like", "to", "than", "find", "search");
    /** "Leader &amp; The Band", "Leader and His Band", "Leader + The Band". */
    private static final Pattern BAND = Pattern.compile("(.+?)\\s+(?:&|and|\\+)\\s+(?:the|his|her)\\s+.+", Pattern.CASE_INSENSITIVE);
    private static final int MIN_FUZZY_LENGTH = 5;
    private static final int MIN_FUZZY_TITLE_LENGTH = 9;

    private final MusicLexicon lexicon;
    private final PhraseIndex<Name> exact = new PhraseIndex<>();
    private final Map<String, Name> titleByKey = new HashMap<>();
    private final FuzzyIndex<Name> fuzzy = new FuzzyIndex<>();

    private MusicGazetteer(MusicLexicon lexicon) {
        this.lexicon = lexicon;
    }

    static MusicGazetteer build(CatalogVocabulary vocabulary, PhraseIndex<String> genres, MusicLexicon lexicon) {
        MusicGazetteer g = new MusicGazetteer(lexicon);
        g.addGenres(vocabulary, genres);
        for (String artist : vocabulary.artists()) {
            if (artist == null || artist.isBlank()) {
                continue;
            }
            String key = MessageText.key(artist);
            g.addName(new Name(Kind.ARTIST, artist.strip(), key, wordCount(key)));
            if (key.startsWith("the ") && key.length() > 8) {
                String bare = key.substring(4);
                g.addName(new Name(Kind.ARTIST, artist.strip(), bare, wordCount(bare)));
            }
        }
        g.addBandLeaderAliases(vocabulary);
        g.addFirstAndLastNameAliases(vocabulary);
        for (String title : vocabulary.trackTitles()) {
            if (title == null || title.isBlank()) {
                continue;
            }
            String shortTitle = TITLE_SUFFIX.matcher(title).replaceAll("").strip();
            String key = MessageText.key(shortTitle.isEmpty() ? title : shortTitle);
            if (key.isEmpty()) {
                continue;
            }
            Name existing = g.titleByKey.get(key);
            // several catalog versions share one key: answer with the plainest (shortest) spelling
            if (existing == null || title.strip().length() < existing.canonical().length()) {
                g.titleByKey.put(key, new Name(Kind.TRACK, title.strip(), key, wordCount(key)));
            }
        }
        for (Name title : g.titleByKey.values()) {
            g.addName(title);
        }
        return g;
    }

    /**
     * "bob marley" for Bob Marley &amp; The Wailers, "nick cave" for Nick Cave &amp; The Bad Seeds: people name such a band
     * by its leader. The leader's part answers for the band when no other artist is called that (Selena Gomez is an
     * artist of her own beside Selena Gomez &amp; The Scene) and it is more than one short or everyday word ("Kool").
     */
    private void addBandLeaderAliases(CatalogVocabulary vocabulary) {
        Map<String, String> owner = new HashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        for (String artist : vocabulary.artists()) {
            Matcher band = BAND.matcher(artist.strip());
            if (!band.matches()) {
                continue;
            }
            String leader = MessageText.key(band.group(1));
            boolean oneWord = !leader.contains(" ");
            if (leader.isEmpty() || leader.startsWith("the ") || oneWord && (leader.length() < 5 || lexicon.isEveryday(leader))) {
                continue; // "The Head and the Heart" is one name, not a leader and a band
            }
            uses.merge(leader, 1, Integer::sum);
            owner.put(leader, artist.strip());
        }
        uses.forEach((leader, n) -> {
            boolean taken = exact.get(leader).filter(name -> name.kind() != Kind.TRACK).isPresent();
            if (n == 1 && !taken) {
                addName(new Name(Kind.ARTIST, owner.get(leader), leader, wordCount(leader)));
            }
        });
    }

    /**
     * "pharrell" for Pharrell Williams, "eilish" for Billie Eilish: a first or last word of an artist's name
     * answers for the artist when no other artist shares it and it is not an everyday word.
     */
    private void addFirstAndLastNameAliases(CatalogVocabulary vocabulary) {
        Map<String, String> owner = new HashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        for (String artist : vocabulary.artists()) {
            String[] words = MessageText.key(artist).split(" ");
            if (words.length < 2) {
                continue;
            }
            for (String w : new String[] {words[0], words[words.length - 1]}) {
                if (w.length() >= 5 && !lexicon.isEveryday(w) && w.chars().allMatch(Character::isLetter)) {
                    uses.merge(w, 1, Integer::sum);
                    owner.put(w, artist.strip());
                }
            }
        }
        uses.forEach((word, n) -> {
            if (n == 1 && exact.get(word).isEmpty()) {
                addName(new Name(Kind.ARTIST, owner.get(word), word, 1));
            }
        });
    }

    private void addGenres(CatalogVocabulary vocabulary, PhraseIndex<String> genres) {
        // genres come from the lexicon's index, which already holds the catalog genres and the synonyms
        for (String genre : vocabulary.genres()) {
            String key = MessageText.key(genre);
            addName(new Name(Kind.GENRE, genre.strip().toLowerCase(java.util.Locale.ROOT), key, wordCount(key)));
        }
    }

    private void addName(Name name) {
        if (name.key().isEmpty()) {
            return;
        }
        Optional<Name> known = exact.get(name.key());
        // a genre beats an artist beats a title of the same spelling ("house", "Queen", ...)
        if (known.isEmpty() || known.get().kind().ordinal() > name.kind().ordinal()) {
            exact.add(name.key(), name);
        }
        String compact = name.key().replace(" ", "");
        int min = name.kind() == Kind.TRACK ? MIN_FUZZY_TITLE_LENGTH : MIN_FUZZY_LENGTH;
        if (compact.length() >= min && (name.kind() != Kind.TRACK || name.words() >= 2)) {
            fuzzy.add(compact, name);
        }
    }

    int size() {
        return exact.size();
    }

    /**
     * Artists and tracks in the message. {@code reserved[i]} marks words already read as a mood, activity
     * or genre; {@code blocked[i]} words that must not be read as a name (a playlist name).
     */
    List<Found> find(MessageText text, List<Word> words, boolean[] reserved, boolean[] blocked) {
        List<Found> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (blocked[i]) {
                i++;
                continue;
            }
            Found hit = exactAt(text, words, i, reserved, blocked);
            if (hit == null) {
                hit = fuzzyAt(text, words, i, reserved, blocked, null);
            }
            if (hit != null) {
                found.add(hit);
                i = hit.end();
            } else {
                i++;
            }
        }
        return found;
    }

    private Found exactAt(MessageText text, List<Word> words, int start, boolean[] reserved, boolean[] blocked) {
        Optional<PhraseIndex.Match<Name>> match = exact.longestAt(words, start);
        // a shorter name at the same start may be acceptable when the longest is not, so walk down
        int maxEnd = match.map(PhraseIndex.Match::end).orElse(start);
        for (int end = maxEnd; end > start; end--) {
            if (anyBlocked(blocked, start, end)) {
                continue;
            }
            Optional<Name> name = exact.get(joinKey(words, start, end));
            if (name.isPresent() && name.get().kind() == Kind.TRACK && hasCue(words, start, Set.of("by", "from"))) {
                // "by the weekend" means the artist, even though a track is spelled exactly that way
                Found artist = fuzzyAt(text, words, start, reserved, blocked, Kind.ARTIST);
                if (artist != null) {
                    return artist;
                }
            }
            if (name.isPresent() && name.get().kind() != Kind.GENRE
                    && accept(name.get(), text, words, start, end, reserved, false)) {
                return new Found(name.get().kind(), name.get().canonical(), start, end, 0);
            }
        }
        return null;
    }

    /** A name with one typo starting at word {@code start}; only of {@code kind} when that is given. */
    private Found fuzzyAt(MessageText text, List<Word> words, int start, boolean[] reserved, boolean[] blocked,
                          Kind kind) {
        for (int end = Math.min(words.size(), start + 4); end > start; end--) {
            if (anyBlocked(blocked, start, end) || allReserved(reserved, start, end)) {
                continue;
            }
            String compact = joinKey(words, start, end).replace(" ", "");
            if (end - start == 1 && (compact.length() < 6 || lexicon.isEveryday(compact))) {
                continue; // one short or everyday word is too often one letter from some artist
            }
            if (compact.length() < MIN_FUZZY_LENGTH || allCommon(words, start, end) && !hasCue(words, start,
                    ARTIST_CUES)) {
                continue;
            }
            String spanKey = joinKey(words, start, end);
            // names spelled exactly like the span were already judged by exactAt
            Optional<FuzzyIndex.Hit<Name>> hit = fuzzy.nearest(compact,
                    n -> n.kind() != Kind.GENRE && (kind == null || n.kind() == kind) && !n.key().equals(spanKey));
            if (hit.isEmpty()) {
                continue;
            }
            Name name = hit.get().value();
            if (name.kind() == Kind.GENRE || name.kind() == Kind.TRACK && end - start < 2 || !distinctive(name)) {
                continue; // a guess needs a name with a word of its own: "a movie" is not "B-Movie"
            }
            if (accept(name, text, words, start, end, reserved, true)) {
                return new Found(name.kind(), name.canonical(), start, end, hit.get().distance());
            }
        }
        return null;
    }

    private boolean accept(Name name, MessageText text, List<Word> words, int start, int end, boolean[] reserved,
                           boolean fuzzyMatch) {
        boolean quoted = quoted(text, words, start, end);
        if (end - start == 1 && NEVER_ALONE.contains(words.get(start).text()) && !quoted
                && !(capitalised(text, words, start, end) && hasCue(words, start, Set.of("by", "from", "like")))) {
            return false; // "songs by Yes" is the band, "yes please" is not
        }
        boolean weak = allCommon(words, start, end) || allReserved(reserved, start, end)
                || name.key().replace(" ", "").length() <= 3;
        boolean marked = capitalised(text, words, start, end) || quoted;
        if (name.kind() == Kind.ARTIST) {
            boolean cued = hasCue(words, start, ARTIST_CUES) || !fuzzyMatch && hasCue(words, start, LIGHT_ARTIST_CUES);
            return !weak || cued || marked;
        }
        // track titles are ordinary phrases far more often than artist names: ask for more evidence
        boolean cued = hasCue(words, start, TRACK_CUES);
        boolean byArtist = followedByBy(words, end);
        boolean distinctive = !weak && end - start >= 2 && name.key().replace(" ", "").length() >= 8;
        if (fuzzyMatch) {
            return distinctive && (cued || marked || byArtist || end - start >= 3);
        }
        return distinctive || !weak && (cued || marked || byArtist) || weak && (quoted || cued && (marked || byArtist));
    }

    /** The name has a word of four letters or more that is not everyday English ("weeknd", "sheeran"). */
    private boolean distinctive(Name name) {
        for (String w : name.key().split(" ")) {
            if (w.length() >= 4 && !lexicon.isEveryday(w)) {
                return true;
            }
        }
        return false;
    }

    private boolean allCommon(List<Word> words, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!lexicon.isEveryday(words.get(i).text())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allReserved(boolean[] reserved, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!reserved[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyBlocked(boolean[] blocked, int start, int end) {
        for (int i = start; i < end; i++) {
            if (blocked[i]) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCue(List<Word> words, int start, Set<String> cues) {
        if (start == 0) {
            return false;
        }
        String before = words.get(start - 1).text();
        if (cues.contains(before)) {
            return true;
        }
        // "songs by", "music from", "something like" — one filler word between cue and name
        return start >= 2 && (before.equals("the") || before.equals("some") || before.equals("to"))
                && cues.contains(words.get(start - 2).text());
    }

    private static boolean followedByBy(List<Word> words, int end) {
        return end < words.size() && words.get(end).text().equals("by");
    }

    /** Every word starts with a capital, in a message that is not all capitals, and not just its first word. */
    private static boolean capitalised(MessageText text, List<Word> words, int start, int end) {
        if (start == 0 && end - start == 1) {
            return false;
        }
        int upperLetters = 0;
        int letters = 0;
        for (String token : text.tokens()) {
            for (int k = 0; k < token.length(); k++) {
                char c = token.charAt(k);
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) {
                        upperLetters++;
                    }
                }
            }
        }
        if (letters > 0 && upperLetters * 2 > letters) {
            return false;
        }
        for (int i = start; i < end; i++) {
            String token = text.tokens().get(words.get(i).token());
            if (!Character.isUpperCase(token.codePointAt(0)) && !Character.isDigit(token.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean quoted(MessageText text, List<Word> words, int start, int end) {
        int first = words.get(start).token();
        int last = words.get(end - 1).token();
        return first > 0 && last + 1 < text.size() && isQuote(text.tokens().get(first - 1))
                && isQuote(text.tokens().get(last + 1));
    }

    private static boolean isQuote(String token) {
        return token.equals("\"") || token.equals("'");
    }

    private static String joinKey(List<Word> words, int start, int end) {
        StringBuilder key = new StringBuilder();
        for (int i = start; i < end; i++) {
            if (i > start) {
                key.append(' ');
            }
            key.append(words.get(i).text());
        }
        return key.toString();
    }

    private static int wordCount(String key) {
        return key.isEmpty() ? 0 : key.split(" ").length;
    }
}

package io.echotune.bot.nlu;

import io.echotune.bot.nlu.MessageText.Word;
import io.echotune.music.mood.Activity;
import io.echotune.music.mood.Mood;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pulls artists, tracks, genres, moods, activities, era, count, playlist name and references out of a message. */
final class EntityExtractor {

    private static final Set<String> NEGATORS = Set.of("not", "no", "nothing", "without", "less", "never", "don't",
            "dont", "avoid", "isn't", "nor", "except", "minus");
    /** "anything but rock" refuses rock; "like Radiohead but calmer" asks for calm. */
    private static final Set<String> ALL_BUT = Set.of("anything", "everything", "all", "nothing", "whatever");
    private static final Set<String> COUNT_NOUNS = Set.of("songs", "song", "tracks", "track", "tunes", "tune",
            "bangers", "hits", "jams", "more", "of", "ones", "items", "pieces", "numbers", "records", "cuts");
    private static final Set<String> COUNT_CUES = Set.of("top", "only", "just", "of", "with", "it", "to", "about",
            "around", "exactly", "another", "add", "than");
    private static final Pattern NAME_AFTER = Pattern.compile(
            "(?i)\\b(?:called|named|titled|title it|name it|call it|rename it to|rename it|name:|title:)\\s+"
                    + "[\"']?(.+?)[\"']?\\s*(?=$|[,.!?;]|\\s(?:with|of|for|that|please|pls|plz|and (?:save|add|put|make|"
                    + "include|then|fill|use)|containing|using|featuring|including)\\b)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]{1,60})\"");
    private static final Pattern NAME_BEFORE_PLAYLIST = Pattern.compile(
            "\\b(?:my|the|a|new|this)\\s+((?:[A-Z0-9][\\w'&]*\\s+){0,4}[A-Z0-9][\\w'&]*)\\s+playlist\\b");
    private static final Pattern REFERS = Pattern.compile("\\b(another( one)?|one more|more like (that|this|these|those|it|them)"
            + "|more of (that|this|these|those|the same|it)|same (vibe|style|kind|again|energy|mood)|similar (ones|songs|tracks|stuff)"
            + "|similar to (that|this|these|those|it|them)|make (that|this|it|those|these|them) (a|into a|into|an?) ?playlist"
            + "|(that|this|those|these|the) (playlist|songs|tracks|ones|list|mix|selection)|save (it|that|this|them|those|these)"
            + "|like (that|those|these|this) ones?|like (that|this|those|these)$|(add|put) (it|them|that|this|those|these)"
            + "|keep (going|them coming)|more please|some more|give me more|again|make it|call it|name it|rename it"
            + "|why (that|this|those|these|it)|the (first|second|third|fourth|fifth|last) one)\\b");
    private static final Set<String> TRACK_NOUNS = Set.of("one", "song", "track", "tune", "pick", "choice",
            "suggestion", "rec", "recommendation", "ones", "two", "three", "is", "was", "sounds", "and", "but", "too");
    private static final Pattern DEMONSTRATIVE = Pattern.compile("\\b(this|that|it|these|those|them)\\b");

    private final MusicLexicon lexicon;
    private final PhraseIndex<String> genres;
    private final FuzzyIndex<String> fuzzyGenres = new FuzzyIndex<>();
    private final MusicGazetteer gazetteer;

    EntityExtractor(CatalogVocabulary vocabulary, MusicLexicon lexicon) {
        this.lexicon = lexicon;
        this.genres = lexicon.genreIndex(vocabulary.genres());
        this.gazetteer = MusicGazetteer.build(vocabulary, genres, lexicon);
        for (String[] row : MusicLexicon.rows("nlu/genres.tsv")) {
            String key = MessageText.key(row[0]).replace(" ", "");
            if (key.length() >= 5) {
                fuzzyGenres.add(key, row[1].strip());
            }
        }
        for (String genre : vocabulary.genres()) {
            String key = MessageText.key(genre).replace(" ", "");
            if (key.length() >= 5) {
                fuzzyGenres.add(key, genre.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    MusicGazetteer gazetteer() {
        return gazetteer;
    }

    Entities extract(MessageText text) {
        return extract(text, null);
    }

    /** Also marks, in {@code nameTokens} when given, the tokens that belong to a catalog artist or title. */
    Entities extract(MessageText text, boolean[] nameTokens) {
        List<Word> words = text.words();
        boolean[] reserved = new boolean[words.size()];
        boolean[] blocked = new boolean[words.size()];
        String foldedText = MessageText.fold(text.original()).replaceAll("\\s+", " ");

        Optional<String> playlistName = playlistName(text.original());
        playlistName.ifPresent(name -> block(words, MessageText.key(name), blocked));

        Set<Mood> moods = new LinkedHashSet<>();
        Set<Activity> activities = new LinkedHashSet<>();
        List<PhraseIndex.Match<String>> genreMatches = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            int next = i + 1;
            Optional<PhraseIndex.Match<String>> genre = genres.longestAt(words, i);
            Optional<PhraseIndex.Match<Mood>> mood = lexicon.moods().longestAt(words, i);
            Optional<PhraseIndex.Match<Activity>> activity = lexicon.activities().longestAt(words, i);
            int gLen = genre.map(PhraseIndex.Match::length).orElse(0);
            int mLen = mood.map(PhraseIndex.Match::length).orElse(0);
            int aLen = activity.map(PhraseIndex.Match::length).orElse(0);
            int best = Math.max(gLen, Math.max(mLen, aLen));
            if (best > 0 && !negated(words, i)) {
                // "house party" is an activity, "hip hop" a genre: the longest phrase decides
                if (gLen == best && !(genre.get().key().equals("house") && aLen > gLen)) {
                    genreMatches.add(genre.get());
                } else if (aLen == best) {
                    activities.add(activity.get().value());
                } else {
                    moods.add(mood.get().value());
                }
                if (mLen == best && gLen < best && aLen == best) {
                    moods.add(mood.get().value());
                }
                for (int k = i; k < i + best; k++) {
                    reserved[k] = true;
                }
                next = i + best;
            } else if (best > 0) {
                // "less sad" asks for the other end of that mood (happier); "not sad" only leaves it out
                if (mLen == best && gLen < best && aLen < best && negator(words, i).filter("less"::equals).isPresent()) {
                    mood.get().value().opposite().ifPresent(moods::add);
                }
                for (int k = i; k < i + best; k++) {
                    reserved[k] = true;
                }
                next = i + best;
            } else if (!blocked[i] && words.get(i).text().length() >= 5 && !lexicon.isEveryday(words.get(i).text())) {
                Optional<FuzzyIndex.Hit<String>> typo = fuzzyGenres.nearest(words.get(i).text());
                if (typo.isPresent() && !negated(words, i)) {
                    genreMatches.add(new PhraseIndex.Match<>(i, i + 1, words.get(i).text(), typo.get().value()));
                    reserved[i] = true;
                }
            }
            i = next;
        }

        List<String> artists = new ArrayList<>();
        List<String> tracks = new ArrayList<>();
        boolean[] named = new boolean[words.size()];
        for (MusicGazetteer.Found found : gazetteer.find(text, words, reserved, blocked)) {
            List<String> into = found.kind() == MusicGazetteer.Kind.ARTIST ? artists : tracks;
            if (!into.contains(found.canonical())) {
                into.add(found.canonical());
            }
            for (int k = found.start(); k < found.end(); k++) {
                blocked[k] = true;
                named[k] = true;
                if (nameTokens != null) {
                    nameTokens[words.get(k).token()] = true;
                }
            }
        }

        // a genre word inside a name is part of the name: "Daft Punk" is not punk
        Set<String> genreSet = new LinkedHashSet<>();
        for (PhraseIndex.Match<String> g : genreMatches) {
            if (!named[g.start()]) {
                genreSet.add(g.value());
            }
        }

        Optional<Era> era = EraParser.parse(foldedText);
        OptionalInt ordinal = ordinal(words);
        OptionalInt count = count(words, blocked);
        boolean refers = REFERS.matcher(foldedText).find();
        return new Entities(artists, tracks, List.copyOf(genreSet), List.copyOf(moods), List.copyOf(activities), era,
                count, playlistName, ordinal, refers);
    }

    /** "this one", "that song", "it" with nothing more specific: the track just talked about. */
    static boolean mentionsDemonstrative(MessageText text) {
        return DEMONSTRATIVE.matcher(MessageText.fold(text.original())).find();
    }

    static Optional<String> playlistName(String original) {
        Matcher m = NAME_AFTER.matcher(original);
        if (m.find()) {
            String name = clean(m.group(1));
            if (!name.isEmpty()) {
                return Optional.of(name);
            }
        }
        m = QUOTED.matcher(original);
        if (m.find() && original.toLowerCase(java.util.Locale.ROOT).contains("playlist")) {
            return Optional.of(clean(m.group(1)));
        }
        m = NAME_BEFORE_PLAYLIST.matcher(original);
        if (m.find()) {
            String name = clean(m.group(1));
            if (!name.isEmpty() && !name.equalsIgnoreCase("spotify") && !name.equals("I")) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static String clean(String name) {
        return name.strip().replaceAll("^[\"'“”]+|[\"'“”.!?,]+$", "").strip();
    }

    private static void block(List<Word> words, String key, boolean[] blocked) {
        if (key.isEmpty()) {
            return;
        }
        String[] parts = key.split(" ");
        for (int i = 0; i + parts.length <= words.size(); i++) {
            boolean same = true;
            for (int k = 0; k < parts.length && same; k++) {
                same = words.get(i + k).text().equals(parts[k]);
            }
            if (same) {
                for (int k = 0; k < parts.length; k++) {
                    blocked[i + k] = true;
                }
            }
        }
    }

    private static boolean negated(List<Word> words, int i) {
        return negator(words, i).isPresent();
    }

    /** The word among the three before word {@code i} that negates it ("not", "less", "anything but", …), if any. */
    private static Optional<String> negator(List<Word> words, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            String w = words.get(k).text();
            if (w.equals("but") ? k > 0 && ALL_BUT.contains(words.get(k - 1).text()) : NEGATORS.contains(w) || w.endsWith("n't")) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    private static OptionalInt ordinal(List<Word> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).text();
            OptionalInt ord = NumberWords.ordinal(w);
            if (ord.isPresent()) {
                String next = i + 1 < words.size() ? words.get(i + 1).text() : "";
                String before = i > 0 ? words.get(i - 1).text() : "";
                boolean trackAfter = TRACK_NOUNS.contains(next);
                boolean theBefore = before.equals("the") || before.equals("that") || before.equals("your");
                // "first", "second" and "last" are everyday words ("last night", "wait a second"):
                // only count them when they point at a track
                boolean everyday = w.equals("first") || w.equals("second") || w.equals("last") || w.equals("final");
                if (!everyday || trackAfter || theBefore && !Set.of("time", "night", "week", "year", "hand", "thing")
                        .contains(next)) {
                    return ord;
                }
            }
            if ((w.equals("number") || w.equals("no") || w.equals("track") || w.equals("song") || w.equals("#"))
                    && i + 1 < words.size()) {
                String n = words.get(i + 1).text();
                if (n.matches("\\d{1,2}") && Integer.parseInt(n) > 0) {
                    return OptionalInt.of(Integer.parseInt(n));
                }
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt count(List<Word> words, boolean[] blocked) {
        OptionalInt loose = OptionalInt.empty();
        int numbers = 0;
        for (int i = 0; i < words.size(); i++) {
            if (blocked[i]) {
                continue;
            }
            Optional<NumberWords.Parsed> parsed = NumberWords.parseAt(words, i);
            if (parsed.isEmpty()) {
                continue;
            }
            int value = parsed.get().value();
            int after = i + parsed.get().words();
            String next = after < words.size() ? words.get(after).text() : "";
            String nextNext = after + 1 < words.size() ? words.get(after + 1).text() : "";
            String before = i > 0 ? words.get(i - 1).text() : "";
            if (value < 1 || value > 500 || next.equals("s") || next.endsWith("s") && next.matches("\\d+s")) {
                i = after - 1;
                continue;
            }
            boolean nounAfter = COUNT_NOUNS.contains(next) || COUNT_NOUNS.contains(nextNext)
                    && !NumberWords.ordinal(next).isPresent() && !next.equals("by");
            if (value == 1 && !(nounAfter && Set.of("song", "track", "tune").contains(next))) {
                i = after - 1;
                continue; // "this one", "another one": not a count
            }
            numbers++;
            if (nounAfter && !(next.equals("of") && !Set.of("them", "those", "these", "songs", "tracks", "the")
                    .contains(nextNext))) {
                return OptionalInt.of(value);
            }
            if (COUNT_CUES.contains(before) && value >= 2) {
                loose = OptionalInt.of(value);
            } else if (loose.isEmpty() && value >= 2 && value <= 200 && (value < 1950 || value > 2030)) {
                loose = OptionalInt.of(value);
            }
            i = after - 1;
        }
        // a lone number ("make it 20", "30 please") is a count; several bare numbers are too vague
        return numbers == 1 ? loose : OptionalInt.empty();
    }
}

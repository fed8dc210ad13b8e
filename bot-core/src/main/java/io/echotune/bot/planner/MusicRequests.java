package io.echotune.bot.planner;

import io.echotune.bot.nlu.Entities;
import io.echotune.bot.nlu.Polarity;
import io.echotune.bot.nlu.Understanding;
import io.echotune.bot.sessions.SessionContext.StoredRequest;
import io.echotune.music.catalog.AudioFeature;
import io.echotune.music.catalog.Track;
import io.echotune.music.mood.Activity;
import io.echotune.music.mood.FeatureTargets;
import io.echotune.music.mood.Mood;
import io.echotune.music.recommend.RecommendRequest;
import io.echotune.music.recommend.RecommendRequest.YearRange;
import io.echotune.music.tools.MusicTools;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what the NLU understood (plus the previous request, for follow-ups) into a catalog request, and
 * back into the plain form stored with the session. Public for the LLM planner, whose tools build the same
 * requests.
 */
public final class MusicRequests {

    public static final int DEFAULT_COUNT = 5;

    private final MusicTools tools;

    public MusicRequests(MusicTools tools) {
        this.tools = tools;
    }

    /**
     * The request for this turn. A follow-up with nothing new ("another one", "more") repeats the last
     * request; new criteria replace the old ones, except that a bare count ("make it 20") only resizes and a mood
     * change ("make it more upbeat") keeps everything else ({@link #changesOnlyTheMood}).
     */
    StoredRequest resolve(String text, Understanding understanding, Optional<StoredRequest> previous, int defaultCount) {
        Entities e = understanding.entities();
        if (previous.isPresent() && changesOnlyTheMood(text, e)) {
            return withMoodOf(previous.get(), e);
        }
        List<String> seedTracks = new ArrayList<>();
        for (String title : e.tracks()) {
            String query = e.artists().isEmpty() ? title : title + " " + e.artists().getFirst();
            tools.searchTracks(query, 1).stream().findFirst().map(Track::id).ifPresent(seedTracks::add);
        }
        if (!hasCriteria(e) && previous.isPresent()) {
            return previous.get().withCount(e.count().orElse(defaultCount));
        }
        return new StoredRequest(seedTracks, e.artists(), e.genres(),
                e.moods().stream().map(Mood::label).toList(),
                e.activities().stream().map(Activity::label).toList(),
                e.era().map(era -> era.fromYear()).orElse(null),
                e.era().map(era -> era.toYear()).orElse(null),
                e.count().orElse(defaultCount));
    }

    /** "more", "less", "a bit" or a comparative: the message adjusts the last request rather than replacing it. */
    private static final Pattern ADJUSTS = Pattern.compile("\\b(more|less|a bit|a little|even"
            + "|calmer|happier|sadder|faster|slower|softer|louder|harder|heavier|chiller|livelier|darker|brighter|mellower"
            + "|quieter|gentler|groovier|funkier|lighter|moodier)\\b");

    /**
     * "make it more upbeat", "something calmer", "a bit more chill": only the mood or activity changes. After "some
     * classic rock" that means upbeat classic rock; replacing the whole request gave upbeat pop.
     */
    static boolean changesOnlyTheMood(String text, Entities e) {
        // a playlist's name is not a mood: "make that a playlist called Deep Focus" names an activity
        return (!e.moods().isEmpty() || !e.activities().isEmpty()) && e.artists().isEmpty() && e.tracks().isEmpty()
                && e.genres().isEmpty() && e.era().isEmpty() && e.playlistName().isEmpty()
                && ADJUSTS.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** The previous request with this message's moods and activities instead of its own (and its count, if it says one). */
    private static StoredRequest withMoodOf(StoredRequest previous, Entities e) {
        return new StoredRequest(previous.seedTrackIds(), previous.seedArtists(), previous.genres(),
                e.moods().stream().map(Mood::label).toList(), e.activities().stream().map(Activity::label).toList(),
                previous.yearFrom(), previous.yearTo(), e.count().orElse(previous.count()));
    }

    /** Whether the message names anything to look for (an artist, a song, a genre, a mood, an activity or an era). */
    static boolean hasCriteria(Entities e) {
        return !e.artists().isEmpty() || !e.tracks().isEmpty() || !e.genres().isEmpty()
                || !e.moods().isEmpty() || !e.activities().isEmpty() || e.era().isPresent();
    }

    /** Whether a stored request still asks for anything in particular. */
    static boolean hasCriteria(StoredRequest r) {
        return !r.seedArtists().isEmpty() || !r.seedTrackIds().isEmpty() || !r.genres().isEmpty()
                || !r.moods().isEmpty() || !r.activities().isEmpty() || r.yearFrom() != null;
    }

    /** The catalog request, with mood targets shifted by how the person feels when they did not name a mood. */
    public RecommendRequest toCatalog(StoredRequest stored, Understanding understanding, Set<String> exclude) {
        FeatureTargets targets = FeatureTargets.NONE;
        List<String> words = new ArrayList<>();
        for (String mood : stored.moods()) {
            targets = targets.isEmpty() ? Mood.valueOf(mood.toUpperCase()).targets() : targets.blend(Mood.valueOf(mood.toUpperCase()).targets());
            words.add(mood);
        }
        for (String activity : stored.activities()) {
            Activity a = Activity.valueOf(activity.toUpperCase());
            targets = targets.isEmpty() ? a.targets() : targets.blend(a.targets());
            words.add(activity);
        }
        targets = shiftForSentiment(targets, understanding, stored.moods().isEmpty());
        Optional<YearRange> years = stored.yearFrom() == null ? Optional.empty()
                : Optional.of(new YearRange(stored.yearFrom(), stored.yearTo()));
        return new RecommendRequest(stored.seedTrackIds(), stored.seedArtists(), stored.genres(), targets, words, years,
                new LinkedHashSet<>(exclude), stored.count());
    }

    /**
     * A sad or stressed message without an explicit mood leans the picks gentle and warm rather than
     * matching the gloom: calmer energy, a little more positive, more acoustic.
     */
    static FeatureTargets shiftForSentiment(FeatureTargets targets, Understanding understanding, boolean noExplicitMood) {
        if (understanding.sentiment().polarity() != Polarity.NEGATIVE || !noExplicitMood) {
            return targets;
        }
        double strength = Math.min(1.0, Math.abs(understanding.sentiment().score()));
        return targets
                .shift(AudioFeature.ENERGY, 0.35, 0.5 * strength)
                .shift(AudioFeature.VALENCE, 0.55, 0.5 * strength)
                .shift(AudioFeature.ACOUSTICNESS, 0.6, 0.4 * strength);
    }

    public static String describe(StoredRequest r) {
        List<String> parts = new ArrayList<>();
        parts.addAll(r.moods());
        parts.addAll(r.genres());
        String text = String.join(" ", parts);
        if (!r.activities().isEmpty()) text += (text.isEmpty() ? "" : " ") + "music for " + String.join(" and ", r.activities());
        if (!r.seedArtists().isEmpty()) text += (text.isEmpty() ? "" : " ") + "like " + String.join(" and ", r.seedArtists());
        if (r.yearFrom() != null) text += (text.isEmpty() ? "" : " ") + "from " + r.yearFrom() + "–" + r.yearTo();
        return text.isBlank() ? "picks" : text.strip();
    }
}

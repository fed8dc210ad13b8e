package io.echotune.bot.nlu;

import io.echotune.music.mood.Activity;
import io.echotune.music.mood.Mood;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the NLU found in one message. Artists, tracks and genres are in the catalog's own
 * spelling (genres lower-case), in the order they appear in the message.
 *
 * @param count        how many tracks were asked for ("20 songs", "twenty tracks", "make it 15")
 * @param playlistName the name given with "called X", "named X", "titled X" or a quoted name
 * @param ordinal      which of the tracks last shown is meant: 1-based position ("the second one" = 2),
 *                     -1 for "the last one", 0 for the one just referred to ("this one", "that song",
 *                     and "it"/"this"/"that" in feedback or explain messages); empty when no track is singled out
 * @param refersToPrevious true when the message builds on what was said or shown before
 *                     ("another one", "more like that", "make that a playlist", "save it")
 */
public record Entities(List<String> artists, List<String> tracks, List<String> genres,
                       List<Mood> moods, List<Activity> activities, Optional<Era> era,
                       OptionalInt count, Optional<String> playlistName,
                       OptionalInt ordinal,
                       boolean refersToPrevious) {

    public static final Entities NONE = new Entities(List.of(), List.of(), List.of(), List.of(), List.of(),
            Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), false);

    public Entities {
        artists = List.copyOf(artists);
        tracks = List.copyOf(tracks);
        genres = List.copyOf(genres);
        moods = List.copyOf(moods);
        activities = List.copyOf(activities);
    }

    /** A copy with {@code ordinal} replaced; used once the intent is known. */
    Entities withOrdinal(OptionalInt newOrdinal) {
        return new Entities(artists, tracks, genres, moods, activities, era, count, playlistName, newOrdinal,
                refersToPrevious);
    }

    Entities withRefersToPrevious(boolean refers) {
        return new Entities(artists, tracks, genres, moods, activities, era, count, playlistName, ordinal, refers);
    }
}

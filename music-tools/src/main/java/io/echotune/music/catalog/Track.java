package io.echotune.music.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One track of the catalog. {@code id} is the Spotify track id for tracks from the shipped data set,
 * so a track can be exported to Spotify as {@code spotify:track:<id>}.
 *
 * @param genre     the main genre (the first playlist genre the track was found under)
 * @param genres    every genre and subgenre the track was found under, lower-case
 * @param playlists the ids of the shipped data set's playlists the track was found in (people's own groupings, so
 *                  tracks sharing them are alike in a way features and genre labels miss); empty for learnt tracks
 * @param features  audio features; empty for tracks learnt from Spotify, which no longer serves them
 */
public record Track(
        String id,
        String title,
        List<String> artists,
        String album,
        Optional<Integer> releaseYear,
        String genre,
        List<String> genres,
        List<String> playlists,
        int popularity,
        long durationMs,
        Optional<AudioFeatures> features) {

    public Track {
        artists = List.copyOf(artists);
        genres = List.copyOf(genres);
        playlists = List.copyOf(playlists);
    }

    public String artistLine() {
        return String.join(", ", artists);
    }

    public String spotifyUri() {
        return "spotify:track:" + id;
    }

    public String spotifyUrl() {
        return "https://open.spotify.com/track/" + id;
    }

    /** "Title — Artist" as shown in chat replies. */
    public String display() {
        return title + " — " + artistLine();
    }
}

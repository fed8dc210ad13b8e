package io.echotune.music.catalog;

/** The audio features that moods, activities and similarity are expressed in, each on a [0,1] scale. */
public enum AudioFeature {
    DANCEABILITY,
    ENERGY,
    VALENCE,
    /** BPM normalised: 60 BPM → 0, 200 BPM → 1. */
    TEMPO,
    ACOUSTICNESS,
    INSTRUMENTALNESS,
    SPEECHINESS;

    /** Converts a BPM value to the [0,1] tempo scale used in targets. */
    public static double tempoScale(double bpm) {
        return Math.clamp((bpm - 60.0) / 140.0, 0.0, 1.0);
    }
}

package io.echotune.music.catalog;

/**
 * Spotify's audio features of one track, as shipped in the catalog. All in [0,1] except
 * {@code tempo} (BPM), {@code loudness} (dB), {@code key} (0–11, -1 unknown) and {@code mode} (1 major, 0 minor).
 */
public record AudioFeatures(
        double danceability,
        double energy,
        double valence,
        double tempo,
        double acousticness,
        double instrumentalness,
        double speechiness,
        double liveness,
        double loudness,
        int key,
        int mode) {

    /** Tempo mapped to [0,1] so it can sit in one vector with the other features (60–200 BPM spans the range). */
    public double normalizedTempo() {
        return Math.clamp((tempo - 60.0) / 140.0, 0.0, 1.0);
    }

    /** The value of one feature on the common [0,1] scale. */
    public double get(AudioFeature feature) {
        return switch (feature) {
            case DANCEABILITY -> danceability;
            case ENERGY -> energy;
            case VALENCE -> valence;
            case TEMPO -> normalizedTempo();
            case ACOUSTICNESS -> acousticness;
            case INSTRUMENTALNESS -> instrumentalness;
            case SPEECHINESS -> speechiness;
        };
    }
}

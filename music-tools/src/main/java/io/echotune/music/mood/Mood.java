package io.echotune.music.mood;

import java.util.Optional;

import static io.echotune.music.catalog.AudioFeature.*;

/**
 * The moods a person can ask for, each with where its music sits in audio-feature space.
 * Targets follow Spotify's feature definitions: valence = musical positiveness, energy = intensity.
 */
public enum Mood {
    HAPPY(FeatureTargets.of(VALENCE, 0.85, ENERGY, 0.7, DANCEABILITY, 0.7)),
    SAD(FeatureTargets.of(VALENCE, 0.2, ENERGY, 0.35, ACOUSTICNESS, 0.55)),
    CALM(FeatureTargets.of(ENERGY, 0.25, ACOUSTICNESS, 0.7, TEMPO, tempoScale(85))),
    ENERGETIC(FeatureTargets.of(ENERGY, 0.9, TEMPO, tempoScale(130), DANCEABILITY, 0.65)),
    CHILL(FeatureTargets.of(ENERGY, 0.4, VALENCE, 0.55, ACOUSTICNESS, 0.45, TEMPO, tempoScale(95))),
    ROMANTIC(FeatureTargets.of(VALENCE, 0.55, ENERGY, 0.4, ACOUSTICNESS, 0.5, DANCEABILITY, 0.55)),
    ANGRY(FeatureTargets.of(ENERGY, 0.95, VALENCE, 0.25, TEMPO, tempoScale(140))),
    MELANCHOLIC(FeatureTargets.of(VALENCE, 0.25, ENERGY, 0.45, ACOUSTICNESS, 0.4)),
    DREAMY(FeatureTargets.of(ENERGY, 0.35, INSTRUMENTALNESS, 0.5, ACOUSTICNESS, 0.5, VALENCE, 0.4)),
    CONFIDENT(FeatureTargets.of(ENERGY, 0.75, DANCEABILITY, 0.8, VALENCE, 0.6, SPEECHINESS, 0.2));

    private final FeatureTargets targets;

    Mood(FeatureTargets targets) {
        this.targets = targets;
    }

    public FeatureTargets targets() {
        return targets;
    }

    /** Lower-case name as people write it ("calm"). */
    public String label() {
        return name().toLowerCase();
    }

    /**
     * What "less sad", "less calm" ask for: the mood at the other end of the same feature, where there clearly is
     * one. Romantic, dreamy or confident music has no one opposite; asking for less of it just drops it.
     */
    public Optional<Mood> opposite() {
        return Optional.ofNullable(switch (this) {
            case HAPPY -> SAD;
            case SAD, MELANCHOLIC -> HAPPY;
            case CALM, CHILL -> ENERGETIC;
            case ENERGETIC, ANGRY -> CALM;
            case ROMANTIC, DREAMY, CONFIDENT -> null;
        });
    }

}

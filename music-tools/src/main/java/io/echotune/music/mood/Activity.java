package io.echotune.music.mood;

import static io.echotune.music.catalog.AudioFeature.*;

/** What a person is doing while listening, each with the audio-feature targets that suit it. */
public enum Activity {
    WORKOUT(FeatureTargets.of(ENERGY, 0.9, TEMPO, tempoScale(128), DANCEABILITY, 0.7)),
    RUNNING(FeatureTargets.of(ENERGY, 0.85, TEMPO, tempoScale(165), VALENCE, 0.65)),
    STUDY(FeatureTargets.of(ENERGY, 0.3, INSTRUMENTALNESS, 0.6, SPEECHINESS, 0.04, ACOUSTICNESS, 0.6)),
    WORK(FeatureTargets.of(ENERGY, 0.45, INSTRUMENTALNESS, 0.4, SPEECHINESS, 0.05)),
    SLEEP(FeatureTargets.of(ENERGY, 0.12, ACOUSTICNESS, 0.85, TEMPO, tempoScale(70), INSTRUMENTALNESS, 0.6)),
    PARTY(FeatureTargets.of(DANCEABILITY, 0.85, ENERGY, 0.85, VALENCE, 0.75)),
    DANCING(FeatureTargets.of(DANCEABILITY, 0.9, ENERGY, 0.8, TEMPO, tempoScale(122))),
    DRIVING(FeatureTargets.of(ENERGY, 0.7, VALENCE, 0.65, TEMPO, tempoScale(115))),
    COOKING(FeatureTargets.of(VALENCE, 0.7, ENERGY, 0.55, DANCEABILITY, 0.65)),
    RELAXING(FeatureTargets.of(ENERGY, 0.3, ACOUSTICNESS, 0.65, VALENCE, 0.5)),
    MEDITATION(FeatureTargets.of(ENERGY, 0.1, INSTRUMENTALNESS, 0.8, ACOUSTICNESS, 0.8, TEMPO, tempoScale(65))),
    GAMING(FeatureTargets.of(ENERGY, 0.8, INSTRUMENTALNESS, 0.45, TEMPO, tempoScale(130)));

    private final FeatureTargets targets;

    Activity(FeatureTargets targets) {
        this.targets = targets;
    }

    public FeatureTargets targets() {
        return targets;
    }

    /** Lower-case name as people write it ("workout"). */
    public String label() {
        return name().toLowerCase();
    }
}

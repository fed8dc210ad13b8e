package io.echotune.music.catalog;

import java.util.ArrayList;
import java.util.List;

/** Words a person would use for how a track sounds, derived from its audio features ("upbeat", "acoustic"). */
public final class TrackCharacter {

    private TrackCharacter() {
    }

    public static List<String> describe(AudioFeatures f) {
        List<String> words = new ArrayList<>();
        if (f.energy() >= 0.75) words.add("high-energy");
        else if (f.energy() <= 0.35) words.add("calm");
        if (f.valence() >= 0.7) words.add("upbeat");
        else if (f.valence() <= 0.3) words.add("moody");
        if (f.danceability() >= 0.75) words.add("danceable");
        if (f.acousticness() >= 0.6) words.add("acoustic");
        if (f.instrumentalness() >= 0.5) words.add("instrumental");
        if (f.tempo() >= 140) words.add("fast");
        else if (f.tempo() > 0 && f.tempo() <= 85) words.add("slow");
        return words;
    }
}

package io.echotune.music.recommend;

import io.echotune.music.catalog.AudioFeature;
import io.echotune.music.catalog.AudioFeatures;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's tracks with audio features, laid out as arrays for the per-request scan over every track: features as
 * numbers, genres as small ints, years and popularity unboxed. A request then costs arithmetic on arrays rather than
 * map lookups, boxed optionals and substring tests per track (the scan used to be half the CPU of a chat turn).
 */
final class TrackColumns {

    static final AudioFeature[] DIMENSIONS = AudioFeature.values();
    private static final int NO_YEAR = Integer.MIN_VALUE;

    final List<Track> tracks;
    /** Feature vectors in {@link #DIMENSIONS} order, as floats for the seed/taste distance. */
    final float[][] vectors;
    /** The same features in double precision, for mood targets. */
    private final double[][] features;
    /** Each track's genres as indexes into {@link #genreNames}. */
    private final int[][] genres;
    /** One key per song ({@link Catalog#songKey}), computed once: it normalises text with regular expressions. */
    private final String[] songKeys;
    private final int[] years;
    private final double[] popularity;
    private final String[] genreNames;
    private final Map<String, Integer> genreIndex = new HashMap<>();

    TrackColumns(Collection<Track> catalog) {
        this.tracks = catalog.stream().filter(t -> t.features().isPresent()).toList();
        int n = tracks.size();
        vectors = new float[n][];
        features = new double[n][];
        genres = new int[n][];
        songKeys = new String[n];
        years = new int[n];
        popularity = new double[n];
        for (int i = 0; i < n; i++) {
            Track track = tracks.get(i);
            features[i] = vector(track.features().orElseThrow());
            vectors[i] = new float[DIMENSIONS.length];
            for (int d = 0; d < DIMENSIONS.length; d++) vectors[i][d] = (float) features[i][d];
            genres[i] = track.genres().stream().mapToInt(g -> genreIndex.computeIfAbsent(g, k -> genreIndex.size())).toArray();
            songKeys[i] = Catalog.songKey(track);
            years[i] = track.releaseYear().orElse(NO_YEAR);
            popularity[i] = track.popularity() / 100.0;
        }
        genreNames = new String[genreIndex.size()];
        genreIndex.forEach((name, index) -> genreNames[index] = name);
    }

    int size() {
        return tracks.size();
    }

    int genreCount() {
        return genreNames.length;
    }

    int[] genresOf(int track) {
        return genres[track];
    }

    String songKey(int track) {
        return songKeys[track];
    }

    double popularity(int track) {
        return popularity[track];
    }

    double feature(int track, int dimension) {
        return features[track][dimension];
    }

    /** The genre index of a name the catalog uses, or -1. */
    int genreIndex(String genre) {
        return genreIndex.getOrDefault(genre, -1);
    }

    /**
     * Which catalog genres a request's genres select, or null for "any". "hip hop" selects the subgenres "southern hip
     * hop" and "latin hip hop" as well as "hip hop" itself.
     */
    boolean[] wantedGenres(Collection<String> wanted) {
        if (wanted.isEmpty()) {
            return null;
        }
        boolean[] selected = new boolean[genreNames.length];
        for (int g = 0; g < genreNames.length; g++) {
            for (String w : wanted) {
                if (genreNames[g].contains(w)) {
                    selected[g] = true;
                    break;
                }
            }
        }
        return selected;
    }

    boolean hasGenre(int track, boolean[] selected) {
        if (selected == null) return true;
        for (int g : genres[track]) {
            if (selected[g]) return true;
        }
        return false;
    }

    boolean inYears(int track, RecommendRequest.YearRange range) {
        return years[track] != NO_YEAR && range.contains(years[track]);
    }

    static double[] vector(AudioFeatures features) {
        double[] v = new double[DIMENSIONS.length];
        for (int d = 0; d < v.length; d++) v[d] = features.get(DIMENSIONS[d]);
        return v;
    }
}

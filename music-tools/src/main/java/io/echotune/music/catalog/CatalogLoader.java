package io.echotune.music.catalog;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Reads the TidyTuesday 2020 Spotify songs CSV (one row per track × playlist) into unique tracks.
 * A track found in several playlists keeps every genre and subgenre it was filed under, and the ids of those playlists.
 */
public final class CatalogLoader {

    private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);
    private static final int PROGRESS_EVERY = 10_000;

    private CatalogLoader() {
    }

    /** Loads the gzip-compressed CSV shipped on the classpath at {@code resource}. */
    public static List<Track> loadResource(String resource) {
        InputStream in = CatalogLoader.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Catalog resource not found on the classpath: " + resource);
        }
        try (in) {
            return load(new GZIPInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read catalog " + resource, e);
        }
    }

    public static List<Track> load(InputStream csv) throws IOException {
        return load(csv, playlist -> true);
    }

    /**
     * Reads only the rows of the playlists {@code keep} accepts: an evaluation holds some playlists out, and a track
     * found only in those is then not in the catalog at all.
     */
    public static List<Track> load(InputStream csv, Predicate<String> keep) throws IOException {
        Map<String, Builder> byId = new LinkedHashMap<>();
        Map<String, String> playlistIds = new HashMap<>(); // one String per id: tracks share a few hundred of them
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            int rows = 0;
            for (CSVRecord row : format.parse(reader)) {
                rows++;
                String id = row.get("track_id");
                String title = text(row.get("track_name"));
                String artist = text(row.get("track_artist"));
                String playlist = text(row.get("playlist_id"));
                if (id.isBlank() || title.isEmpty() || artist.isEmpty() || !keep.test(playlist)) {
                    continue; // a handful of rows carry NA names (nothing to show or search for); held-out playlists
                }
                Builder track = byId.computeIfAbsent(id, k -> new Builder(row, title, artist));
                track.addGenres(row.get("playlist_genre"), row.get("playlist_subgenre"));
                if (!playlist.isEmpty()) track.playlists.add(playlistIds.computeIfAbsent(playlist, p -> p));
                if (rows % PROGRESS_EVERY == 0) {
                    log.info("Catalog: read {} rows, {} unique tracks so far", rows, byId.size());
                }
            }
        }
        List<Track> tracks = new ArrayList<>(byId.size());
        byId.values().forEach(b -> tracks.add(b.build()));
        return tracks;
    }

    private static String text(String value) {
        return value == null || value.equals("NA") ? "" : value.strip();
    }

    private static double number(CSVRecord row, String column) {
        String v = row.get(column);
        return v == null || v.isBlank() || v.equals("NA") ? 0.0 : Double.parseDouble(v);
    }

    private static final class Builder {
        private final CSVRecord row;
        private final String title;
        private final String artist;
        private final Set<String> genres = new LinkedHashSet<>();
        private final Set<String> playlists = new LinkedHashSet<>();

        Builder(CSVRecord row, String title, String artist) {
            this.row = row;
            this.title = title;
            this.artist = artist;
        }

        void addGenres(String genre, String subgenre) {
            if (!text(genre).isEmpty()) genres.add(text(genre).toLowerCase());
            if (!text(subgenre).isEmpty()) genres.add(text(subgenre).toLowerCase());
        }

        Track build() {
            String date = text(row.get("track_album_release_date"));
            Optional<Integer> year = date.length() >= 4 ? Optional.of(Integer.parseInt(date.substring(0, 4))) : Optional.empty();
            AudioFeatures features = new AudioFeatures(
                    number(row, "danceability"), number(row, "energy"), number(row, "valence"),
                    number(row, "tempo"), number(row, "acousticness"), number(row, "instrumentalness"),
                    number(row, "speechiness"), number(row, "liveness"), number(row, "loudness"),
                    (int) number(row, "key"), (int) number(row, "mode"));
            List<String> genreList = List.copyOf(genres);
            return new Track(
                    row.get("track_id"), title, List.of(artist), text(row.get("track_album_name")), year,
                    genreList.isEmpty() ? "" : genreList.getFirst(), genreList, List.copyOf(playlists),
                    (int) number(row, "track_popularity"), (long) number(row, "duration_ms"),
                    Optional.of(features));
        }
    }
}

package io.echotune.music.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The music EchoTune knows: tracks by id, by artist and by genre, plus full-text search.
 * Immutable after construction except for {@link #add}, which learns tracks found elsewhere (e.g. Spotify).
 */
public final class Catalog {

    private static final Logger log = LoggerFactory.getLogger(Catalog.class);
    /** The data set shipped in music-tools' resources (see README, "Catalog"). */
    public static final String SHIPPED_RESOURCE = "/catalog/spotify_songs.csv.gz";

    private final Map<String, Track> byId = new ConcurrentHashMap<>();
    private final Map<String, List<Track>> byArtist = new HashMap<>();
    private final Map<String, String> artistSpelling = new HashMap<>();
    private final List<Track> all;
    private final Set<String> genres;
    private final CatalogSearchIndex index;

    public Catalog(Collection<Track> tracks) {
        for (Track track : tracks) {
            byId.put(track.id(), track);
            for (String artist : track.artists()) {
                byArtist.computeIfAbsent(normalize(artist), k -> new ArrayList<>()).add(track);
                artistSpelling.putIfAbsent(normalize(artist), artist);
            }
        }
        byArtist.values().forEach(list -> list.sort(Comparator.comparingInt(Track::popularity).reversed()));
        all = List.copyOf(tracks);
        Set<String> genreSet = new LinkedHashSet<>();
        all.forEach(t -> genreSet.addAll(t.genres()));
        genres = Set.copyOf(genreSet);
        index = new CatalogSearchIndex(tracks);
    }

    /** Loads and indexes the catalog shipped with the project, logging progress and the time taken. */
    public static Catalog loadShipped() {
        long start = System.nanoTime();
        List<Track> tracks = CatalogLoader.loadResource(SHIPPED_RESOURCE);
        long loaded = System.nanoTime();
        Catalog catalog = new Catalog(tracks);
        log.info("Catalog ready: {} tracks, {} artists (read {} ms, indexed {} ms)", tracks.size(),
                catalog.byArtist.size(), (loaded - start) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
        return catalog;
    }

    public Optional<Track> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Track> all() {
        return all;
    }

    public int size() {
        return byId.size();
    }

    /**
     * Full-text search: one entry per song (the most popular version of a title by an artist), best first.
     * A query that is exactly an artist's name lists that artist's most popular songs first.
     */
    public List<Track> search(String text, int limit) {
        Map<String, Track> unique = new LinkedHashMap<>();
        List<Track> candidates = new ArrayList<>(byArtist(text));
        index.search(text, limit * 3).forEach(id -> candidates.add(byId.get(id)));
        for (Track track : candidates) {
            unique.putIfAbsent(songKey(track), track);
            if (unique.size() == limit) {
                break;
            }
        }
        return List.copyOf(unique.values());
    }

    /** Tracks by an artist, most popular first; the name is matched case- and accent-insensitively. */
    public List<Track> byArtist(String artist) {
        return byArtist.getOrDefault(normalize(artist), List.of());
    }

    /** The catalog's spelling of an artist name, if the artist is in the catalog. */
    public Optional<String> artistName(String artist) {
        return Optional.ofNullable(artistSpelling.get(normalize(artist)));
    }

    public Set<String> artistNames() {
        return Set.copyOf(artistSpelling.values());
    }

    /** Every genre and subgenre in the catalog, lower-case. */
    public Set<String> genres() {
        return genres;
    }

    /** Learns a track found outside the shipped data (e.g. in a Spotify import). Not searchable by text until restart. */
    public void add(Track track) {
        byId.putIfAbsent(track.id(), track);
    }

    /**
     * One key per song: "Bohemian Rhapsody - 2011 Mix" and "Bohemian Rhapsody - Remastered 2011" by Queen are the
     * same song to a listener, so what follows " - " or sits in brackets does not count.
     */
    public static String songKey(Track track) {
        String title = normalize(track.title());
        int dash = title.indexOf(" - ");
        if (dash > 0) title = title.substring(0, dash);
        title = title.replaceAll("\\s*[(\\[][^)\\]]*[)\\]]", "").strip();
        return title + "|" + normalize(track.artistLine());
    }

    /** An artist or title as the catalog compares them: case and accents ignored. */
    public static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).strip();
    }
}

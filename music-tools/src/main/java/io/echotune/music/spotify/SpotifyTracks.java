package io.echotune.music.spotify;

import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.michaelthelin.spotify.model_objects.specification.ArtistSimplified;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns Spotify's tracks into catalog tracks. Catalog ids are Spotify track ids, so a track the catalog already has
 * is used as it is (with its audio features); an unknown one is learnt with what Spotify still returns. Spotify no
 * longer serves audio features, popularity (for development-mode apps) or artist genres, so those stay empty, and
 * genres are borrowed from the artist's tracks in the shipped catalog when it has any. Learnt tracks are kept in
 * {@code spotify_tracks} and taught to the catalog again at start-up.
 */
public class SpotifyTracks {

    private static final Logger log = LoggerFactory.getLogger(SpotifyTracks.class);

    private final Catalog catalog;
    private final MongoTemplate mongo;
    private final Clock clock;

    public SpotifyTracks(Catalog catalog, MongoTemplate mongo, Clock clock) {
        this.catalog = catalog;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Teaches the catalog the tracks learnt before the last restart. */
    @EventListener(ApplicationReadyEvent.class)
    public void restore() {
        long start = System.nanoTime();
        List<LearntTrack> learnt = mongo.findAll(LearntTrack.class);
        learnt.forEach(t -> catalog.add(t.toTrack()));
        log.info("Catalog relearnt {} tracks found on Spotify earlier ({} ms)", learnt.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The catalog's track for a Spotify track, learning (and keeping) it first if the catalog did not know it.
     *
     * @return the track, and whether it was new to the catalog
     */
    Optional<Learnt> learn(se.michaelthelin.spotify.model_objects.specification.Track spotify) {
        boolean known = spotify != null && spotify.getId() != null && catalog.find(spotify.getId()).isPresent();
        Optional<Track> track = learn(catalog, spotify);
        if (track.isPresent() && !known) {
            try {
                mongo.save(LearntTrack.of(track.get(), clock.instant()));
            } catch (DataAccessException e) {
                // still known until the next restart; losing it then only hides it from "my favourites"
                log.warn("Could not keep learnt track {}: {}", track.get().id(), e.getMessage());
            }
        }
        return track.map(t -> new Learnt(t, !known));
    }

    record Learnt(Track track, boolean isNew) {
    }

    /** The catalog's track for a Spotify track, learning it first if the catalog did not know it; empty for local files. */
    private static Optional<Track> learn(Catalog catalog, se.michaelthelin.spotify.model_objects.specification.Track spotify) {
        if (spotify == null || spotify.getId() == null || spotify.getName() == null) {
            return Optional.empty(); // local files and unavailable tracks have no id
        }
        Optional<Track> known = catalog.find(spotify.getId());
        if (known.isPresent()) return known;
        List<String> artists = spotify.getArtists() == null ? List.of() : Arrays.stream(spotify.getArtists())
                .map(ArtistSimplified::getName).filter(Objects::nonNull).toList();
        List<String> genres = artists.stream().flatMap(a -> catalog.byArtist(a).stream().limit(1))
                .flatMap(t -> t.genres().stream()).distinct().toList();
        String album = spotify.getAlbum() == null || spotify.getAlbum().getName() == null ? "" : spotify.getAlbum().getName();
        Track track = new Track(spotify.getId(), spotify.getName(), artists, album,
                releaseYear(spotify.getAlbum() == null ? null : spotify.getAlbum().getReleaseDate()),
                genres.isEmpty() ? "" : genres.getFirst(), genres, List.of(),
                spotify.getPopularity() == null ? 0 : spotify.getPopularity(),
                spotify.getDurationMs() == null ? 0 : spotify.getDurationMs(),
                Optional.empty());
        catalog.add(track);
        return catalog.find(track.id());
    }

    /** "1997-05-21", "1997-05" or "1997" → 1997. */
    static Optional<Integer> releaseYear(String releaseDate) {
        if (releaseDate == null || releaseDate.length() < 4) return Optional.empty();
        try {
            return Optional.of(Integer.parseInt(releaseDate.substring(0, 4)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

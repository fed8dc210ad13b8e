package io.echotune.music.spotify;

import io.echotune.music.ids.DocumentIds;
import io.echotune.music.catalog.Catalog;
import io.echotune.music.catalog.Track;
import io.echotune.music.history.FeedbackKind;
import io.echotune.music.history.ListeningEvent;
import io.echotune.music.history.ListeningHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import se.michaelthelin.spotify.model_objects.specification.Artist;
import se.michaelthelin.spotify.model_objects.specification.Paging;
import se.michaelthelin.spotify.model_objects.specification.PagingCursorbased;
import se.michaelthelin.spotify.model_objects.specification.PlayHistory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Imports a linked user's Spotify listening history into {@code listening_history}: top tracks and top artists for
 * the short, medium and long term, and the recently played tracks. Every entry carries a dedup key derived from
 * what it records (user, list, term, track, play time), and is written with an upsert on that key, so importing
 * the same history again adds nothing. Tracks the catalog does not know are learnt from Spotify's metadata.
 */
public class SpotifyHistoryImport {

    private static final Logger log = LoggerFactory.getLogger(SpotifyHistoryImport.class);
    static final List<String> TERMS = List.of("short_term", "medium_term", "long_term");
    /** Spotify's page size limit for top items and recent plays. */
    private static final int PAGE = 50;
    /** A top artist stands for this many of their most popular catalog tracks. */
    private static final int TRACKS_PER_TOP_ARTIST = 3;
    private static final int STEPS = TERMS.size() * 2 + 1;

    private final SpotifyAccounts accounts;
    private final SpotifyTracks tracks;
    private final Catalog catalog;
    private final MongoTemplate mongo;
    private final ListeningHistory history;
    private final Clock clock;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    public SpotifyHistoryImport(SpotifyAccounts accounts, SpotifyTracks tracks, Catalog catalog, MongoTemplate mongo,
                                ListeningHistory history, Clock clock) {
        this.accounts = accounts;
        this.tracks = tracks;
        this.catalog = catalog;
        this.mongo = mongo;
        this.history = history;
        this.clock = clock;
    }

    /** Starts an import without waiting for it (right after linking, so the callback page answers at once). */
    public void importInBackground(String userId) {
        background.submit(() -> {
            try {
                importNow(userId);
            } catch (RuntimeException e) {
                log.warn("Spotify import for user {} failed: {}", userId, e.getMessage());
            }
        });
    }

    /** Imports every linked user's history, one after the other; one user's failure does not stop the others. */
    public List<ImportReport> importAll() {
        List<String> users = accounts.linkedUserIds();
        log.info("Spotify import of {} linked users starting", users.size());
        List<ImportReport> reports = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            try {
                importNow(users.get(i)).ifPresent(reports::add);
            } catch (SpotifyException e) {
                log.warn("Spotify import for user {} skipped ({}): {}", users.get(i), e.reason(), e.getMessage());
            }
            log.info("Spotify import: {}/{} users done", i + 1, users.size());
        }
        return reports;
    }

    /**
     * Imports one user's history now. Empty when an import for the same user is already running here.
     *
     * @throws SpotifyException when the user is not linked or Spotify is unavailable; entries written before the
     *                          failure stay, and the next import fills in the rest without duplicating them
     */
    public Optional<ImportReport> importNow(String userId) {
        if (!running.add(userId)) {
            log.info("Spotify import for user {} is already running", userId);
            return Optional.empty();
        }
        try {
            return Optional.of(run(userId));
        } finally {
            running.remove(userId);
        }
    }

    private ImportReport run(String userId) {
        long start = System.nanoTime();
        Instant now = clock.instant();
        Counts counts = new Counts();
        int step = 0;
        for (String term : TERMS) {
            Paging<se.michaelthelin.spotify.model_objects.specification.Track> top = accounts.call(userId,
                    (api, token) -> api.getUsersTopTracks().time_range(term).limit(PAGE).build().execute());
            List<ListeningEvent> events = new ArrayList<>();
            for (var item : items(top)) {
                learn(item, counts).ifPresent(t -> events.add(event(userId, t.id(), "spotify_top_tracks", now,
                        "spotify:top-track:" + term + ":" + userId + ":" + t.id())));
            }
            progress(userId, ++step, "top tracks (" + term + ")", events, counts);
        }
        for (String term : TERMS) {
            Paging<Artist> top = accounts.call(userId,
                    (api, token) -> api.getUsersTopArtists().time_range(term).limit(PAGE).build().execute());
            List<ListeningEvent> events = new ArrayList<>();
            for (Artist artist : items(top)) {
                counts.fetched++;
                if (artist == null || artist.getName() == null) continue;
                // Spotify no longer serves an artist's genres or related artists; the catalog's tracks of that artist
                // carry their audio features and genres into the user's taste
                for (Track track : catalog.byArtist(artist.getName()).stream().limit(TRACKS_PER_TOP_ARTIST).toList()) {
                    events.add(event(userId, track.id(), "spotify_top_artists", now,
                            "spotify:top-artist:" + term + ":" + userId + ":" + artist.getId() + ":" + track.id()));
                }
            }
            progress(userId, ++step, "top artists (" + term + ")", events, counts);
        }
        PagingCursorbased<PlayHistory> recent = accounts.call(userId,
                (api, token) -> api.getCurrentUsersRecentlyPlayedTracks().limit(PAGE).build().execute());
        List<ListeningEvent> plays = new ArrayList<>();
        for (PlayHistory play : recent == null || recent.getItems() == null ? new PlayHistory[0] : recent.getItems()) {
            if (play == null || play.getPlayedAt() == null) continue;
            Instant at = play.getPlayedAt().toInstant();
            learn(play.getTrack(), counts).ifPresent(t -> plays.add(event(userId, t.id(), "spotify_recently_played", at,
                    "spotify:played:" + userId + ":" + t.id() + ":" + at.getEpochSecond())));
        }
        progress(userId, ++step, "recently played", plays, counts);
        accounts.markImported(userId, clock.instant());
        ImportReport report = new ImportReport(userId, counts.fetched, counts.added, counts.learnt,
                Duration.ofNanos(System.nanoTime() - start));
        log.info("Spotify import for user {} done: {} items from Spotify, {} new history entries, {} tracks learnt, {} ms",
                userId, report.fetched(), report.added(), report.learntTracks(), report.took().toMillis());
        return report;
    }

    private Optional<Track> learn(se.michaelthelin.spotify.model_objects.specification.Track item, Counts counts) {
        counts.fetched++;
        Optional<SpotifyTracks.Learnt> learnt = tracks.learn(item);
        if (learnt.isPresent() && learnt.get().isNew()) counts.learnt++;
        return learnt.map(SpotifyTracks.Learnt::track);
    }

    private void progress(String userId, int step, String what, List<ListeningEvent> events, Counts counts) {
        int added = write(events);
        if (added > 0) {
            history.changed(userId);
        }
        counts.added += added;
        log.info("Spotify import for user {}: step {}/{} {} — {} entries, {} new", userId, step, STEPS, what, events.size(), added);
    }

    /** Upserts on the dedup key: a new entry is inserted, an entry already imported is left as it is. */
    private int write(List<ListeningEvent> events) {
        if (events.isEmpty()) return 0;
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ListeningEvent.class);
        for (ListeningEvent e : events) {
            bulk.upsert(query(where("dedupKey").is(e.dedupKey())), new Update()
                    .setOnInsert("_id", e.id())
                    .setOnInsert("userId", e.userId())
                    .setOnInsert("trackId", e.trackId())
                    .setOnInsert("kind", e.kind())
                    .setOnInsert("source", e.source())
                    .setOnInsert("at", e.at()));
        }
        return bulk.execute().getUpserts().size();
    }

    private static ListeningEvent event(String userId, String trackId, String source, Instant at, String dedupKey) {
        return new ListeningEvent(DocumentIds.next(), userId, trackId, FeedbackKind.PLAY, source, at, dedupKey);
    }

    private static <T> List<T> items(Paging<T> page) {
        return page == null || page.getItems() == null ? List.of() : Arrays.asList(page.getItems());
    }

    private static final class Counts {
        int fetched;
        int added;
        int learnt;
    }
}
